"""What a meeting DOES and how a person drives it: domain operations, the app, the CLI."""

__version__ = "0.1.0"
