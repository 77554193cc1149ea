from toelaten.cli import main

main()
