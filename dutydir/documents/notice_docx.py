"""Section 一 of the notice as a .docx laid out the way official documents are (GB/T 9704-2012).

A4; type area 156 mm × 225 mm (top margin 37 mm, inner 28 mm); the title in 2号 (22 pt) 方正小标宋简体,
centred; the body in 3号 (16 pt) 仿宋, 22 lines a page of 28 characters; the first-level heading in
黑体, second-level numbers in 楷体; page numbers "— 1 —" in 4号 宋体 at the foot. The fonts are
named, not embedded: the office's machines have them.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from dutydir.documents.meta import moment, stable_zip, updated
from dutydir.documents.notice import TITLE, section_one
from dutydir.model.directory import Directory
from dutydir.model.history import cn_date

TITLE_FONT, BODY_FONT, HEADING_FONT, SECOND_FONT, NUMBER_FONT = "方正小标宋简体", "仿宋", "黑体", "楷体", "宋体"
TITLE_SIZE, BODY_SIZE, NUMBER_SIZE = Pt(22), Pt(16), Pt(14)
LINES, CHARS = 22, 28
AREA_W, AREA_H = Mm(156), Mm(225)
LINE_PITCH = Pt(int(AREA_H.pt * 20 / LINES) / 20)
"""One line of the 22: 225 mm / 22 rounded down to Word's twentieths of a point (28.95 pt), so 22 fit."""


def font(run_or_style: object, name: str, size: Pt, bold: bool = False) -> None:
    """Name a font for Chinese and Latin text alike, at a size."""
    f = run_or_style.font  # type: ignore[attr-defined]
    f.name, f.size, f.bold = name, size, bold
    rpr = run_or_style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def page_setup(doc: object) -> None:
    """A4 with GB/T 9704's margins and a 22 × 28 character grid."""
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.bottom_margin, section.right_margin = Mm(297 - 37 - 225), Mm(210 - 28 - 156)
    section.footer_distance = Mm(28 - 7)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    # Word's grid: a line pitch in twentieths of a point; the extra space per character in 4096ths of a point.
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
    grid.set(qn("w:charSpace"), str(round((AREA_W.pt / CHARS - BODY_SIZE.pt) * 4096)))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("— ", None, " —"):
        run = footer.add_run(piece or "")
        if piece is None:
            for kind, text in (("begin", ""), ("", "PAGE"), ("end", "")):
                el = OxmlElement("w:fldChar" if kind else "w:instrText")
                if kind:
                    el.set(qn("w:fldCharType"), kind)
                else:
                    el.text = text
                run._r.append(el)
        font(run, NUMBER_FONT, NUMBER_SIZE)


def body(doc: object, text: str, indent: bool = True, face: str = BODY_FONT) -> DocxParagraph:
    """A body paragraph: 3号, exact line pitch, first line indented two characters."""
    p: DocxParagraph = doc.add_paragraph()  # type: ignore[attr-defined]
    fmt = p.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = BODY_SIZE * 2 if indent else None
    font(p.add_run(text), face, BODY_SIZE)
    return p


def notice_docx(d: Directory) -> bytes:
    """Section 一 under the notice's title, with a closing note naming the unit, the day and the notice."""
    doc = Document()
    page_setup(doc)
    normal = doc.styles["Normal"]
    font(normal, BODY_FONT, BODY_SIZE)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    title.paragraph_format.line_spacing = Pt(35)
    font(title.add_run(d.notice.title), TITLE_FONT, TITLE_SIZE)
    body(doc, "", indent=False)
    body(doc, TITLE, face=HEADING_FONT)
    for paragraph in section_one(d):
        p = body(doc, "")
        number, rest = split_number(paragraph.text)
        p.runs[0].text = number
        # The second-level number （一） is set in 楷体 as GB/T 9704's headings; the rest in 仿宋.
        font(p.runs[0], SECOND_FONT if number.startswith("（") else BODY_FONT, BODY_SIZE)
        font(p.add_run(rest), BODY_FONT, BODY_SIZE)
    body(doc, "", indent=False)
    body(
        doc,
        f"（本节据安全生产责任目录数据生成，所列为{d.unit.name}{cn_date(updated(d))}"
        f"起的分工情况；原通知文号：{d.notice.number}。）",
    )
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = f"{d.notice.title}（{TITLE}）", d.notice.issuer, ""
    props.created = props.modified = props.last_printed = moment(d)
    props.revision = 1
    out = io.BytesIO()
    doc.save(out)
    return stable_zip(out.getvalue(), moment(d))


def split_number(text: str) -> tuple[str, str]:
    """'（一）区长…' → ('（一）', '区长…'); '1.…' → ('1.', '…'); otherwise ('', text)."""
    if text.startswith("（") and "）" in text[:5]:
        at = text.index("）") + 1
        return text[:at], text[at:]
    head = text.split(".", 1)[0]
    if head.isdigit() and "." in text:
        return head + ".", text[len(head) + 1 :]
    return "", text
