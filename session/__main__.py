from session.cli import main

main()
