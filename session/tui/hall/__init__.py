"""The hall display's drawing (màn hình hội trường): a pixel font with Vietnamese marks,
big text scaled to the window, the layout of each mode and the board widget."""
