"""The declared shape of a unit's data file (data/leaders.yaml): every key, its kind, its meaning."""

from __future__ import annotations

from dutydir.data.fields import Choice, Count, Date, Field, Ident, ListOf, LooseDate, Mapping, Name, Text
from dutydir.model.words import LEVELS, Words

ROLES = ("mayor", "executive", "member")
DUTY_GROUPS = ("mayor", "members", "commissioners")
OBLIGATION_GROUPS = ("mayor_or_executive", "members", "commissioners", "office_director", "department_heads")
PERIODS = ("month", "two_months", "quarter", "year")
BASES = ("stated", "inferred")

HOLDING = Mapping(
    "任职记录",
    [
        Field("person", Name(), required=True, doc="The person's name as written in the notice."),
        Field("title", Text(), doc="The person's full title, e.g. 区委副书记、区长."),
        Field(
            "from",
            LooseDate(unknown=True),
            required=True,
            doc="First day in the post; 2007-07, 2007 or 不详 when so given.",
        ),
        Field(
            "from_basis",
            Choice("stated", "assumed"),
            doc="assumed when the notice does not give the first day and 'from' is a placeholder.",
        ),
        Field("to", LooseDate(), doc="Last day in the post; absent while the person holds it."),
        Field("left_for", Text(), doc="Where the person went on leaving, e.g. 调任区委副书记."),
        Field("note", Text(), doc="A remark the notice makes on the person, e.g. 在中央党校学习."),
    ],
    entity="person",
)

SCOPE = Mapping(
    "分管范围",
    [
        Field("name", Name(), required=True, doc="The scope's name exactly as in the notice."),
        Field("slug", Ident(), doc="URL name of its page; derived from pinyin when absent."),
        Field("keywords", ListOf(Name()), doc="Words readers search it by; added for search, not the notice's text."),
    ],
    entity="name",
    shorthand="name",
)

SECTOR: Mapping = Mapping(
    "分管领域",
    [
        Field("name", Name(), required=True, doc="The sector's name exactly as in the notice."),
        Field("kind", Text(), doc="How the post answers for it when the notice says more than 负责: 分管, 全面负责 …"),
        Field("assists", Ident(), doc="The post that leads it when this post only assists (协助)."),
        Field("children", ListOf(SCOPE), doc="Scopes named in parentheses after it: names, or mappings."),
        Field("slug", Ident(), doc="URL name of its page; derived from pinyin when absent."),
        Field("from", Date(), doc="First day the post answers for it; absent when since the notice."),
        Field("to", Date(), doc="Last day the post answers for it, once it has moved."),
        Field("keywords", ListOf(Name()), doc="Words readers search it by; added for search, not the notice's text."),
    ],
    entity="name",
    shorthand="name",
)

ACTING = Mapping(
    "代理记录",
    [
        Field("by", Text(), required=True, doc="Who stands in: a post id or a person's name."),
        Field("from", Date(), required=True, doc="First day."),
        Field("to", Date(), required=True, doc="Last day."),
        Field("reason", Text(), doc="Why: leave, a trip, study."),
    ],
    entity="by",
)

POST = Mapping(
    "职务",
    [
        Field("id", Ident(), required=True, doc="Stable identifier, also the page's URL name."),
        Field("name", Text(), required=True, doc="The post, e.g. 副区长."),
        Field("role", Choice(*ROLES), required=True, doc="Which general duties and obligations apply."),
        Field("clause", Text(), doc="Where in the notice the post's duties are set, e.g. 一（二）1."),
        Field("overall", Text(), doc="The post's overall responsibility, when it has one."),
        Field("sectors", ListOf(SECTOR), doc="Departments, sectors and zones, in the notice's order."),
        Field("holders", ListOf(HOLDING), doc="Who held the post, oldest first."),
        Field("acting", ListOf(ACTING), doc="Temporary stand-ins for the holder."),
        Field("liaises", ListOf(Name()), doc="Bodies the post only liaises with (联系): not its 分管 sectors."),
        Field("note", Text(), doc="A remark the notice makes on the post."),
    ],
    entity="id",
)

DOCUMENT = Mapping(
    "文件",
    [Field("title", Text(), required=True), Field("number", Text(), doc="Its document number; absent when unknown.")],
    entity="title",
)

SUCCESSOR = Mapping(
    "接任规定",
    [
        Field("clause", Text(), doc="Where the notice says it, e.g. 四（一）."),
        Field("text", Text(), required=True, doc="The rule as the notice words it."),
    ],
)

NOTICE = Mapping(
    "通知",
    [
        Field("title", Text(), required=True, doc="The notice's title."),
        Field("number", Text(), doc="Its document number (文号); absent when unknown."),
        Field("issuer", Text(), required=True, doc="The issuing office."),
        Field("date", LooseDate(), required=True, doc="Date of issue; 2007-07 or 2007 when only so known."),
        Field("addressees", Text(), doc="To whom it is addressed."),
        Field("text_file", Text(), doc="The cleaned text as Markdown, relative to the data file."),
        Field("basis", ListOf(DOCUMENT), doc="Documents the notice rests on."),
        Field("successor", SUCCESSOR, doc="The notice's rule that a successor takes over a post's duties."),
    ],
)

WORDS = Mapping(
    "用语",
    [Field(f.name, Text(), doc=f.__doc__ or "") for f in Words.__dataclass_fields__.values() if f.name != "level"],
)

UNIT = Mapping(
    "单位",
    [
        Field("id", Ident(), required=True, doc="Identifier of the unit."),
        Field("name", Text(), required=True, doc="Full name of the government."),
        Field("short_name", Text(), required=True, doc="Short name used in titles, e.g. 新洲区."),
        Field(
            "site_name",
            Text(),
            doc="The site's name, when this unit's data should set it, e.g. 柳河镇安全生产责任目录.",
        ),
        Field("level", Choice(*LEVELS), doc="区, 县, 市, 镇, 乡 or 街道: sets the default words; 区 when absent."),
        Field("words", WORDS, doc="Words of this unit that differ from its level's defaults."),
    ],
)

EXCEPTION = Mapping(
    "AB角例外",
    [
        Field("sector", Name(), required=True, doc="A sector of either partner."),
        Field("by", Ident(), doc="The post that covers it instead; absent when nobody but the responsible leader may."),
    ],
    entity="sector",
    shorthand="sector",
)

AB_RULES = Mapping(
    "AB角规定",
    [
        Field("clause", Text(), doc="Where the notice sets up AB pairs, e.g. 一（二）."),
        Field("fallback", Text(), doc="The C角 of every pair that names none: a post id, or in words."),
    ],
)

AB_PAIR = Mapping(
    "AB角",
    [
        Field("posts", ListOf(Ident(), allow_empty=False), required=True, doc="The two posts."),
        Field("from", Date(), required=True, doc="First day of the pairing."),
        Field("to", Date(), doc="Last day of the pairing, once it has ended."),
        Field("fallback", Text(), doc="The C角 when both are away: a post id, or who arranges cover, in words."),
        Field("except", ListOf(EXCEPTION), doc="Sectors a partner may not take over."),
    ],
)

COMMISSIONER = Mapping(
    "专员",
    [
        Field("assists", Ident(), required=True, doc="The leader post assisted."),
        Field("holders", ListOf(HOLDING), doc="Who held the role; empty while not yet named."),
    ],
    entity="assists",
)

COMMISSIONERS = Mapping(
    "专员规定",
    [
        Field("clause", Text()),
        Field("role", Text(), required=True, doc="Who may serve as commissioner."),
        Field("duty", Text(), required=True, doc="What commissioners do."),
        Field("posts", ListOf(COMMISSIONER), required=True, doc="One commissioner post per leader post."),
        Field(
            "basis",
            Choice(*BASES),
            doc="Whether the notice itself gives each leader one commissioner (default stated).",
        ),
        Field("note", Text(), doc="Why an inferred layout holds."),
    ],
)

SAFETY_OFFICE = Mapping(
    "安委办",
    [
        Field("name", Text(), required=True),
        Field("short_name", Text(), required=True),
        Field("host", Text(), required=True, doc="The bureau that houses the office."),
        Field("clause", Text()),
        Field("duty", Text(), required=True),
    ],
)

DEPARTMENT_HEADS = Mapping(
    "部门主要负责人",
    [
        Field("name", Text(), doc="Who, as the notice words it; '<departments>主要负责人' when absent."),
        Field("clause", Text()),
        Field("duty", Text(), required=True),
    ],
)

DUTY = Mapping(
    "职责",
    [
        Field("applies_to", Choice(*DUTY_GROUPS), required=True),
        Field("clause", Text(), required=True),
        Field("items", ListOf(Text(), allow_empty=False), required=True),
    ],
    entity="clause",
)

OBLIGATION = Mapping(
    "履职要求",
    [
        Field("who", Choice(*OBLIGATION_GROUPS), required=True),
        Field("clause", Text(), required=True),
        Field("what", Text(), required=True),
        Field("every", Choice(*PERIODS), required=True, doc="The longest allowed interval."),
        Field("times", Count(), required=True, doc="How many times at least in that interval."),
        Field("first", Date(), doc="The day of the first meeting, for calendars; the notice gives none."),
    ],
    entity="clause",
)

KEY_AREA = Mapping(
    "重点领域",
    [
        Field("name", Name(), required=True),
        Field("sectors", ListOf(Name()), required=True, doc="Sectors it falls under."),
        Field("basis", Choice(*BASES), required=True, doc="Whether the notice names the sector itself."),
        Field("note", Text(), doc="Why an inferred mapping holds."),
    ],
    entity="name",
)

KEY_AREA_GROUP = Mapping(
    "重点领域分组",
    [Field("name", Text(), required=True), Field("areas", ListOf(KEY_AREA), required=True)],
    entity="name",
)

KEY_AREAS = Mapping(
    "重点领域清单",
    [
        Field("clause", Text()),
        Field("inference_clause", Text(), doc="The clause an inferred mapping rests on, e.g. 二（二）."),
        Field("groups", ListOf(KEY_AREA_GROUP), required=True),
    ],
)

# The unit's own entries over the vocabulary shipped with dutydir (dutydir/data/vocabulary.py).
VOCABULARY_ENTRY = Mapping(
    "检索词条",
    [
        Field("word", Name(), required=True, doc="A word readers type; added for search, not the notice's text."),
        Field(
            "sectors",
            ListOf(Name()),
            required=True,
            doc="This unit's sectors the word leads to, replacing the shipped ones; [] switches the word off.",
        ),
    ],
    entity="word",
)

UNIT_FILE = Mapping(
    "数据文件",
    [
        Field("unit", UNIT, required=True),
        Field("notice", NOTICE, required=True),
        Field("posts", ListOf(POST, allow_empty=False), required=True),
        Field("ab_pairs", ListOf(AB_PAIR)),
        Field("ab_rules", AB_RULES),
        Field("commissioners", COMMISSIONERS),
        Field("safety_office", SAFETY_OFFICE),
        Field("department_heads", DEPARTMENT_HEADS),
        Field("duties", ListOf(DUTY)),
        Field("obligations", ListOf(OBLIGATION)),
        Field("obligations_note", Text()),
        Field("key_areas", KEY_AREAS),
        Field(
            "vocabulary", ListOf(VOCABULARY_ENTRY), doc="Words added to, or switched off in, the shipped vocabulary."
        ),
    ],
    keys_name_entities=True,
)
