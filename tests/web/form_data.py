"""The values a browser would post from a page's main form (text, hidden, ticked boxes and
radios, selected options, textareas), for tests that post a page back as someone would."""

from html.parser import HTMLParser


class _MainForm(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self.in_form = False
        self.textarea: str | None = None
        self.select: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form" and found.get("method", "").lower() == "post":
            self.in_form = "sign-out" not in found.get("action", "")
            if self.in_form:
                self.forms.append([])
        if not self.in_form:
            return
        fields = self.forms[-1]
        if tag == "input" and found.get("name"):
            kind = found.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in found:
                return
            if kind not in ("submit", "button", "file"):
                default = "on" if kind in ("checkbox", "radio") else ""
                fields.append((found["name"], found.get("value", default)))
        elif tag == "textarea":
            self.textarea, self.text = found.get("name"), ""
        elif tag == "select":
            self.select = found.get("name")
        elif tag == "option" and self.select and "selected" in found:
            fields.append((self.select, found.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self.textarea is not None and self.in_form:
            self.forms[-1].append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def form_data(html: str) -> dict[str, list[str]]:
    """The page's last POST form (not the sign-out button), as a test client's POST data."""
    parser = _MainForm()
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.forms[-1]:
        data.setdefault(name, []).append(value)
    return data
