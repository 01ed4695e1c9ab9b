"""The theme dictionary is read once and again only when its file changes."""

import os

from workforce_health.surveys.comments.selectors import theme_dictionary

ONE = '[[theme]]\nname = "Good teams"\nkeywords = ["good team"]\n'
TWO = '[[theme]]\nname = "Workload"\nkeywords = ["caseload"]\n'


def test_the_dictionary_is_kept_until_its_file_changes(settings, tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text(ONE, encoding="utf-8")
    settings.SURVEY_COMMENT_THEMES = str(path)
    first = theme_dictionary()
    assert theme_dictionary() is first  # its matcher keeps the words it has looked up
    path.write_text(TWO, encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, however fast the write
    assert theme_dictionary().names == ["Workload"]
