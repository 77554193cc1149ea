"""Write src/toelaten/locale/keys.txt from nl.yml: the keys the code asks for, with their
placeholders. Run it (`make locale-keys`) after adding, renaming or removing a key in code
and nl.yml; tests/test_strings.py fails until the two agree."""

from __future__ import annotations

from toelaten.strings import KEYS_FILE, REFERENCE, keys_text, locale_dir, read_catalogue


def main() -> None:
    folder = locale_dir()
    text = keys_text(read_catalogue(folder / f"{REFERENCE}.yml"))
    (folder / KEYS_FILE).write_text(text, encoding="utf-8")
    print(f"wrote {folder / KEYS_FILE}")


if __name__ == "__main__":
    main()
