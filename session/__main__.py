from session.launch import main

main()
