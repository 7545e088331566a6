"""`python -m tidewise` runs the command line."""

from tidewise.cli import main

if __name__ == "__main__":
    main()
