from govcap.cli import main

main()
