"""The bilingual vocabulary: skills, spoken languages, degrees, certifications, headings and title words.

The words are data (knowledge/vocab/*.json, each file names its source and licence in `_meta`); this module
only loads them and matches them in text, so growing the vocabulary never touches code. Matching runs on a
token trie (core.facts.termtrie): any case, any position, aliases and Chinese names, longest match wins.

Ambiguity rules, because a skill name can be an ordinary word:
- an alias of one or two letters ("R", "C", "ML", "BE") and any alias listed under `cased` match only as
  written in the data ("React" the library, not "react" the verb);
- an alias listed under `guarded` ("Go", "Spring", "Rails") counts only inside a list of skills: next to
  another skill with only separators between them ("Python, Go, Rust"), after a skills label on its
  line ("Languages: Go"), or written beside Chinese ("熟悉Go和Docker"), and never right before a year
  ("Spring 2025" is a term). The unambiguous spellings ("Golang", "Go语言") always count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.facts.termtrie import Entry, Match, TermTrie, Token, breaks, has_cjk, stem, token_keys, tokenize, variants
from core.facts.text import ITEM_BREAK, is_common_word

VOCAB_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "vocab"
FAMILIES = (
    "software", "data", "product", "design", "marketing", "sales", "finance", "operations", "hr", "healthcare",
    "general",
)  # fmt: skip

# Between two skills of one list: separators and list words only (at least one of them).
_SEPARATORS = r"[,，、;；/|·•&+]"
_LIST_WORDS = r"(?:and/or|and|or|as well as|和|及|与|或)"
_LIST_GAP_RE = re.compile(
    rf"\s*(?:{_SEPARATORS}\s*)+(?:{_LIST_WORDS}\s+)?|\s*(?:{_SEPARATORS}\s*)*{_LIST_WORDS}\s*", re.IGNORECASE
)
# A US state's or Canadian province's code after a city ("Atlanta, GA", "Little Rock, AR", "Montréal, QC") is the
# place, not the skill a few of them also abbreviate (Google Analytics, Accounts Receivable, quality control).
_REGION_CODES = frozenset(
    ("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
     "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
     "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AB", "BC", "MB", "NB", "NL", "NS",
     "NT", "NU", "ON", "PE", "QC", "SK", "YT")
)  # fmt: skip
_CITY_BEFORE = re.compile(r"[A-Z][^\W\d_]+,[ \t]?$")
# …unless a list goes on after it: "Tableau, GA, SEO" names skills ("Atlanta, GA, USA" is still a place).
_LIST_GOES_ON = re.compile(r"[ \t]*[,，、/;][ \t]*(?!USA\b|U\.S\.|United States|Canada)[^\W\d_]")
# "AP Biology", "AP classes": Advanced Placement, a school's course, not accounts payable.
# A spelling in a sense the words beside it rule out: a seller "multi-threading complex deals" (reaching many people
# in an account), "AP Biology" (a course, not accounts payable), "net revenue retention" or "employee retention" (no
# product's users), "Sales Cloud" (a product).
_DEALS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:deals?|accounts?|opportunities|stakeholders|buyers)\b", re.I)
_AP_COURSE = re.compile(
    r"[ \t]+(?:Biology|Chemistry|Physics|Calculus|Precalculus|Statistics|English|Literature|Language|History|"
    r"Government|Psychology|Economics|Macroeconomics|Microeconomics|Computer|Environmental|Spanish|French|Chinese|"
    r"German|Latin|Art|Music|Human|World|U\.?S\.?|European|Seminar|Research|Scholar|classes|courses|exams?|"
    r"Style|Stylebook|pass|students?|scores?|teacher|coordinator|program(?:me)?)\b",  # "AP Style", "AP pass rate"
    re.IGNORECASE,
)
# A battery's state of charge ("SOC/SOH 估算", "SOC estimation"), or an auditor's report on controls ("SOC 1 and
# SOC 2 Type II examinations", "SOC 2 readiness"), not a security operations centre.
_CHARGE_AFTER = re.compile(
    r"[ \t]*(?:/[ \t]*SO[HPEF]\b|估算|估计|标定|estimation|estimator|\(state of charge)"
    r"|[ \t-]*[123]\b|[ \t]+(?:Type|reports?)\b",
    re.I,
)
# A grade or a class, not a language: "ASIL-C", "USB Type-C", "C-suite", "C轮融资", "C 级客户", "C端".
_GRADE_BEFORE = re.compile(r"[A-Za-z0-9]-$")
_GRADE_AFTER = re.compile(r"-[A-Za-z]|[ \t]*[轮端级类位档型照证店]")
# A student's or new nurse's supervisor ("under NP and MD preceptors", "with preceptor review"): being precepted,
# not the skill of precepting others.
_PRECEPTED_BEFORE = re.compile(
    r"\b(?:under|with|by|from|guidance|supervision|direction)(?:[ \t]+(?:my|the|an?|their|assigned|experienced|"
    r"clinical|site|faculty|nurse|guidance|supervision|direction|of|"
    r"practitioners?|physicians?|NPs?|MDs?|DOs?|PAs?|RNs?|and|or|&|/),?)*[ \t]+$",
    re.I,
)
_PRECEPTED_AFTER = re.compile(r"[ \t]+(?:review|oversight|supervision|sign-?off|feedback)\b", re.I)
# A clinician's notes: the payer, the discipline or the patient before "documentation", the record system after it
# ("Medicare documentation requirements", "Documentation in WebPT").
_CLINICAL_NOTES_BEFORE = re.compile(
    r"\b(?:Medicare|Medicaid|payer|clinical|medical|nursing|therapy|patient|progress[- ]notes?|charting|visit|"
    r"point[- ]of[- ]care|skilled|on[- ]time|timely|treatment|bedside|IRF-PAI|OASIS|SOAP|Epic|Cerner|WebPT|EHR|EMR)"
    r"[ \t-]+$",
    re.IGNORECASE,
)
_CLINICAL_NOTES_AFTER = re.compile(
    r"[ \t]+(?:in|into|using|on)[ \t]+(?:the[ \t]+)?(?:WebPT|Epic|Cerner|Meditech|athenahealth|eClinicalWorks|NextGen|"
    r"PointClickCare|Netsmart|EMR|EHR)\b"
    r"|[ \t]*:[ \t]*(?:WebPT|Epic|Cerner|Meditech|athenahealth|eClinicalWorks|NextGen|PointClickCare|Netsmart)\b"
    r"|[^\n.;]{0,40}\b(?:CMS|Medicare|Medicaid|payers?|billing|reimbursement)\b",
    re.IGNORECASE,
)
_CLIENT_SOFTWARE_AFTER = re.compile(r"端")
# A team's own tools or ways taken up ("drive adoption of a modern planning tool"), not users taking up a product.
_INTERNAL_ADOPTION_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:(?:a|an|the|our|new|modern|internal|standard|shared)[ \t]+)*(?:[\w&/-]+[ \t]+){0,2}"
    r"(?:tools?|software|process(?:es)?|practices?|standards?|methodolog(?:y|ies)|polic(?:y|ies)|templates?|ERP)\b",
    re.IGNORECASE,
)
# Mental-health screening scales a counsellor lists together ("SCL-90、SDS、SAS、UPI等心理测评工具").
_SCREENING_SCALES = r"(?:SCL-90|SDS|SAS|UPI|MMPI|16PF|EPQ|PHQ-9|GAD-7)"
_OTHER_SENSE_AFTER = {
    # a business school ("Haas School of Business"), not Haas's machine tools
    "haas": re.compile(r"[ \t]+School\b"),
    # RLDatix's incident reporting ("RL Datix"), not reinforcement learning
    "rl": re.compile(r"[ \t]*Datix\b", re.I),
    # a group purchasing organisation's terms ("GPO contract pricing", "GPO agreements"), not Active Directory's
    # Group Policy
    "gpo": re.compile(r"[ \t]+(?:contracts?|pricing|agreements?|tiers?|members?(?:hip)?|portfolio|compliance)\b", re.I),
    # intermediate metal conduit ("IMC and rigid conduit"), not integrated marketing communications
    "imc": re.compile(r"[^.;\n]{0,40}\b(?:conduits?|raceways?)\b", re.I),
    # a certificate's name ("危险化学品安全管理人员证书", "危险化学品安全作业证"), not handling chemicals' hazards
    "化学品安全": re.compile(r"(?:管理人员|作业证|作业人员)"),
    # a post or a place ("Office Manager", "Office of the CFO", "office supplies"), not Microsoft's suite
    "office": re.compile(
        r"[ \t-]+(?:managers?|administrators?|assistants?|coordinators?|clerks?|staff|of|supplies|space|hours|"
        r"equipment|operations|depot|max|building|visits?|based)\b",
        re.I,
    ),
    # stereotactic radiosurgery ("SRS treatments", "SRS/SBRT"), not the realtors' Seller Representative Specialist
    "srs": re.compile(r"[ \t]*(?:/[ \t]*SBRT|treatments?|planning|cases|plans|patients|QA\b)", re.I),
    # an electrician's licence ("电工进网作业许可证"), not a plant's permit-to-work system
    "作业许可": re.compile(r"证"),
    # the machine a designer draws ("焊接机器人工作站的结构设计", "焊接夹具设计"), not welding done
    "焊接": re.compile(r"(?:机器人|设备|工作站|夹具|工装|专机|生产线|产线|自动化)"),
    # a solar plant's performance ratio ("跟踪PR值"), a purchase requisition ("PR转PO", "PR/PO"): no public relations
    "pr": re.compile(r"[ \t]*值|[ \t]*(?:[转/、→-]|to)[ \t]*PO(?![A-Za-z])", re.I),
    # the city ("Phoenix, AZ 85016 • 602-555-0134"), not the Elixir framework
    "phoenix": re.compile(r",?[ \t]*(?:AZ|Arizona)\b"),
    # the game company's ("Epic Games", "Epic Online Services"), not the hospitals' record system
    "epic": re.compile(r"[ \t]+(?:Games|Online|Store|MegaGrants?|Launcher|Account)\b"),
    "epics": re.compile(""),  # a backlog's ("Epics and user stories"): the record system is never plural
    # Tridium's Technical Certification Program ("Niagara 4 TCP certification"), not the network protocol
    "tcp": re.compile(r"[ \t]*(?:certif|training|course)", re.I),
    # the parcel carrier ("UPS国际快递", "UPS Ground", "UPS shipments"), not an uninterruptible power supply
    "ups": re.compile(
        r"[ \t]*(?:国际快递|快递|快件|物流|Ground|Store|Freight|Worldship|shipping|shipments?|packages?|"
        r"parcels?|drivers?|deliver|account|labels?|pickups?)",
        re.I,
    ),
    # trucking's over-the-road ("an OTR driver", "48-state OTR, dry van"), not the occupational therapists' credential
    "otr": re.compile(
        r"[ \t]*(?:/[ \t]*(?:regional|local|dedicated)|,[ \t]*(?:dry|reefer|flatbed|regional)|drivers?|"
        r"truck|fleet|loads?|trucking|routes?|lanes?|freight|carriers?|runs?|miles)\b",
        re.I,
    ),
    # a contract's master services agreement ("MSAs and SOWs", "MSA negotiations"), not a gauge study
    "msa": re.compile(r"s?[ \t]*(?:/|,|and|&)[ \t]*SOWs?\b|s?[ \t]+(?:contracts?|agreements?|negotiations?|terms)\b"),
    # a British building contract ("Administer NEC and JCT contracts", "NEC ECC"), not the electrical code
    "nec": re.compile(r"[ \t]+(?:and|&|/|or)[ \t]+JCT\b|[ \t]+(?:ECC|contracts?|forms?[ \t]+of[ \t]+contract)\b"),
    # the people paid ("bonus payments for technicians and sales staff"), not selling
    "sales": re.compile(r"[ \t]+(?:staff|employees|workers|people|personnel)\b", re.I),
    # a site's instruments ("28 monitoring stations", "monitoring wells"), not a system's observability
    "monitoring": re.compile(
        r"[ \t]+(?:stations?|wells?|sites?|points?|locations?|networks?|equipment|devices?)\b", re.I
    ),
    # a classroom's records ("built daily schedules and data sheets", "behavior data sheets"), not a component's
    "data sheets": re.compile(r"[ \t]+(?:for|of|on)[ \t]+(?:students?|behaviou?rs?|goals?|IEPs?)\b", re.I),
    # an insurance agent's quotes ("began quoting personal auto"), not bargaining over price
    "quoting": re.compile(
        r"[ \t]+(?:personal|commercial|auto|home\w*|life|polic\w+|insurance|premiums?|renewals?)\b", re.I
    ),
    # an insurer's risk selection ("carrier underwriting guidelines", "underwriting submissions"), not a lender's credit
    "underwriting": re.compile(r"[ \t]+(?:guidelines|submissions?|appetite|questions?)\b", re.I),
    # a student mental-health screening scale among others ("SCL-90、SDS、SAS、UPI等心理测评工具"): not India's payments
    # interface, not the statistics package
    "upi": re.compile(r"[ \t]*(?:[、,，/]|等)[^\n。；]{0,12}(?:心理|测评|量表|问卷)"),
    "sas": re.compile(rf"[ \t]*[、,，/][ \t]*{_SCREENING_SCALES}\b"),
    # a shop's till ("Handle cash management, deposits and safe counts"), not a treasurer's liquidity
    "cash management": re.compile(
        r"[ \t]*,?[ \t]*(?:and[ \t]+)?(?:deposits|safe|till|registers?|drawers?|cash[ \t]+counts?)\b", re.I
    ),
    "rhinos": re.compile(""),  # a rugby league club's ("Leeds Rhinos season ticket"): the 3D software is never plural
    # an NEC contract's claims for changed work ("Agreed 118 compensation events"), not pay and benefits
    "compensation": re.compile(r"[ \t]+events?\b", re.I),
    # contract research organisations ("transfer of assays to CROs", "CRO partners"), not conversion optimisation
    "cros": re.compile(""),
    # "连续8个季度获客户KPI考核A级": won from clients (获 + 客户), not acquiring customers
    "获客": re.compile("户"),
    # Becton Dickinson's instruments ("BD FACSCanto II", "BD LSRFortessa"), not business development
    # …and its pumps and cabinets ("BD Alaris pumps", "BD Pyxis")
    "bd": re.compile(
        r"[ \t]+(?:FACS|LSR|Accuri|Symphony|Biosciences|Vacutainer|Rhapsody|Pharmingen|Influx|Alaris|Pyxis|Rowa"
        r"|BACTEC)",
        re.I,
    ),
    "documentation": _CLINICAL_NOTES_AFTER,
    "c": _GRADE_AFTER,
    "r": _GRADE_AFTER,
    "preceptor": _PRECEPTED_AFTER,
    "multi-threading": _DEALS_AFTER,
    "multithreading": _DEALS_AFTER,
    "ap": _AP_COURSE,
    "cvt": re.compile(r"[ \t]*(?:变速箱|变速器|transmissions?|gearbox|belts?)", re.I),
    # a verb of the lab ("Express and purify proteins", "express antibodies in HEK293"), not the web framework
    "express": re.compile(
        r"[ \t]+(?:(?:and|&)[ \t]+purify|(?:the[ \t]+)?(?:proteins?|antibod\w*|genes?|constructs?))\b", re.I
    ),
    # the system it names in brackets ("ATS (Athletic Trainer System)", "ATS（列车自动监控）"), not applicant tracking
    "ats": re.compile(r"[ \t]*[（(][ \t]*(?:athletic|automatic|auto\b|train|列车|自动)", re.I),
    # a clinician's National Provider Identifier ("NPI 1538299047", "NPI #: 1538…"), not new product introduction
    "npi": re.compile(r"[ \t]*(?:#|No\.?|number)?[ \t]*:?[ \t]*\d{6,}", re.I),
    # a city ("Sparks, NV"), not Apache Spark
    "spark": re.compile(r",[ \t]*(?:NV|Nevada)\b"),
    "soc": _CHARGE_AFTER,
    # Vector's AUTOSAR configurator ("DaVinci Configurator", "DaVinci Developer"), not the video editor
    "davinci": re.compile(r"[ \t]+(?:Configurator|Developer)\b", re.I),
    "can": re.compile(r"[ \t]+(?:BE|DO|HELP|MAKE|GET|WORK|DELIVER|BRING|OFFER|LEAD|BUILD)\b"),  # "WHAT I CAN DO"
    # a researcher's numbers ("Quant: survey design …", "quant skills"), not quantitative finance
    "quant": re.compile(r"[ \t]*(?::|skills\b|research\b|methods\b|UX\b|studies\b)", re.IGNORECASE),
    # software's dependencies ("secrets management, supply chain security"), not moving goods
    "supply chain": re.compile(r"[ \t-]+(?:security|attacks?|compromise|integrity)\b", re.IGNORECASE),
    # an audit's cycles ("采购与付款、存货与成本、销售与收款循环"), not buying or selling
    "采购": re.compile(r"[ \t]*与[ \t]*付款"),
    "销售": re.compile(r"[ \t]*与[ \t]*收款"),
    # a standard's name ("中国注册会计师审计准则"), not the qualification
    "中国注册会计师": re.compile(r"[ \t]*(?:审计准则|职业道德守则|协会)"),
    # a user interface's tests ("UI 自动化脚本", "UI tests"), not its design
    # …nor unemployment insurance ("Analyze UI claims data", "UI modernization"), nor a product's strings to
    # translate ("负责UI文本")
    "ui": re.compile(
        r"[ \t]*(?:自动化|测试|automation\b|tests?\b|testing\b|文本|字符串)"
        r"|[ \t]+(?:claims?|benefits?|modernization|trust[ \t]+fund|tax|fraud|overpayments?)\b",
        re.I,
    ),
    # a PLC's distributed I/O stations ("ET200SP分布式IO"), not distributed software systems
    "分布式": re.compile(r"[ \t]*(?:I/?O|IO站|从站|站点|控制系统)", re.I),
    # the people reported to ("the regional leadership team"), not the skill of leading
    "leadership": re.compile(r"[ \t]+(?:teams?|group|meetings?|reviews?|forums?|offsites?|committee)\b", re.I),
    # a contract research organisation ("上海博衡医药科技有限公司（CRO）", "CRO客户项目"), not conversion rates
    "cro": re.compile(
        r"[ \t]*(?:客户|公司|企业|行业|背景|及[^\n，,]{0,6}(?:机构|代理)|\+[ \t]*(?:biotech|pharma|药))"
        r"|[ \t]+(?:partners?|vendors?|clients?|oversight|management|studies|study|selection|contracts?)\b",
        re.I,
    ),
    # client software built ("开发客户端功能", "开发新客户端"), not customers won
    "开发客户": _CLIENT_SOFTWARE_AFTER,
    "开发新客户": _CLIENT_SOFTWARE_AFTER,
    "drive adoption": _INTERNAL_ADOPTION_AFTER,
    # the American Welding Society's codes and credentials ("AWS D1.1", "AWS CWI"), not Amazon Web Services
    "aws": re.compile(r"[ \t]*(?:D\d{1,2}\.\d|B2\.1|QC1\b)|[ \t]+(?:CWI|CWE|SENSE|welding|welder|weld)\b", re.I),
    # an exam still to sit ("其余2门备考中"), not teaching to one
    "备考": re.compile(r"[ \t]*中"),
    # the International Baccalaureate ("IB官方工作坊", "IB课程"), not investment banking
    "ib": re.compile(r"[ \t]*(?:官方|课程|学校|教学|体系|认证|工作坊|diploma\b|curriculum\b|schools?\b)", re.I),
    # code written ("writing queries in SPL or KQL", "writing unit tests", "writing clean Python"), or a team's work
    # items ("writing user stories", "writing acceptance criteria"), not prose
    "writing": re.compile(
        r"[ \t]+(?:[\w+#./-]+[ \t]+){0,2}?(?:quer(?:y|ies)|code|scripts?|tests?|rules?|detections?|playbooks?|"
        r"programs?|software|functions?|SQL|SPL|KQL|Python|Java|automation|macros?|firmware|drivers?|"
        r"user[ \t]+stories|stories|acceptance[ \t]+criteria|test[ \t]+cases|specs|specifications|tickets)\b",
        re.I,
    ),
    # a length of time ("calendar year", "30 calendar days"), not an executive's diary
    "calendar": re.compile(r"[ \t]+(?:years?|quarters?|months?|days?|weeks?)\b", re.I),
    # the Centers for Medicare & Medicaid Services' rules ("CMS guidelines", "CMS-1500"), not a website's system
    "cms": re.compile(
        r"[ \t-]+(?:guidelines?|regulations?|rules?|requirements?|compliance|conditions|star|quality|measures?|"
        r"billing|reporting|1500|certified|standards?|surveys?|CoPs?)\b|[ \t]*-[ \t]*1500",
        re.I,
    ),
    # an anaesthetist's physical status class ("ASA I-IV patients"), not the actuaries' associateship
    "asa": re.compile(r"[ \t]*(?:[IV]{1,3}\b|class|physical[ \t]+status|score|grade)", re.I),
    # a benefits plan ("FSA/HSA", "FSA account"), not the actuaries' fellowship
    "fsa": re.compile(r"[ \t]*/[ \t]*HSA|[ \t]+(?:account|plan|contributions?)\b", re.I),
    # a browser's Content Security Policy ("CSP headers", "CSP nonce"), not the safety professionals' certificate
    "csp": re.compile(r"[ \t]+(?:headers?|nonces?|polic(?:y|ies)|violations?|directives?|reports?)\b", re.I),
    # OSHA's process safety programme ("PSM/RMP program", "PSM compliance", "熟悉PSM工艺安全管理", "PSM (29 CFR
    # 1910.119)"), not the Scrum certificate
    "psm": re.compile(
        r"[ \t]*/[ \t]*RMP\b|[ \t]+(?:program|programs|compliance|standard|elements?|audits?|covered)\b"
        r"|[ \t]*(?:[（(][ \t]*)?(?:工艺安全|过程安全|process[ \t]+safety|29[ \t]*CFR|1910\.119)",
        re.I,
    ),
    # a course's title ("Principles of Marketing"), not the Principle design app
    "principle": re.compile(r"[ \t]+of\b", re.I),
    # an actuarial exam ("SRM (Statistics for Risk Modeling)"), not an aircraft's structural repair manual
    "srm": re.compile(r"[ \t]*[(（–-]?[ \t]*Statistics", re.I),
    # a machine tool's control ("Fanuc controls", "Fanuc 0i"), not a robot
    "fanuc": re.compile(
        r"[ \t]+(?:controls?|controllers?|CNC|0i|0i-\w+|3[01]i|1[68]i|21i|Series|G-code|macro)\b", re.I
    ),
    # a help desk's canned replies ("macros in Zendesk"), not Excel's
    "macros": re.compile(
        r"[ \t]+(?:in|for)[ \t]+(?:Zendesk|Freshdesk|Intercom|Gorgias|Help[ \t]?Scout)\b"
        r"|[ \t]*,[ \t]*(?:tags|triggers|views|automations|SLAs?|canned)\b",
        re.I,
    ),
    # a theorem or a rate ("CAP theorem", "cap rate"), the College of American Pathologists' ("CAP inspection
    # preparation", "CAP / CLIA"), not the administrative professionals' certificate
    "cap": re.compile(
        r"[ \t]+(?:theorem|rates?|table)\b"
        r"|[ \t]*(?:inspections?|accreditation|accredited|/[ \t]*CLIA|surveys?|checklists?|proficiency)\b",
        re.I,
    ),
    # a computer's bus or a card scheme's standard ("PCI Express", "PCIe slot", "PCI DSS"), not a coronary intervention
    "pci": re.compile(r"[ \t-]*(?:DSS|Express|e\b|bus|slots?|cards?|compliance|-?SIG|compliant)", re.I),
    "communication": re.compile(r"[ \t]+(?:Engineering|Systems|Technology|Networks?)\b"),  # a field of study
    # computer-based training ("CBT modules for new hires"), not cognitive behavioural therapy
    "cbt": re.compile(r"[ \t]+(?:modules?|courses?|training|e-?learning|platform)\b", re.I),
    # a life-support course's name ("Advanced Cardiovascular Life Support"), not cardiology
    "cardiovascular": re.compile(r"[ \t]+life[ \t]+support\b", re.I),
    # a retailer's sales at the till ("CPFR/POS data", "POS sell-through"), a planner's data, not a till system
    "pos": re.compile(r"[ \t]+(?:data|sales|sell[- ]through|feeds?|scans?)\b", re.I),
    # clinicians' or scholars' review of one another ("peer review of charts", "peer review for journals"), not code's
    "peer review": re.compile(
        r"[ \t]+(?:of[ \t]+(?:charts?|cases?|care|clinical|nursing|manuscripts?|papers?|articles?|grants?)|for[ \t]+"
        r"(?:journals?|conferences?)|committees?)\b",
        re.I,
    ),
}
_FORKLIFT_CLASS_BEFORE = re.compile(r"(?:叉车|特种设备|场内|厂内|机动车)[^\n，,；;]{0,12}$")
_OTHER_SENSE_BEFORE = {
    # a mentor one is given ("Pair with a dedicated mentor", "assigned a mentor"), not the skill of mentoring others
    "mentor": re.compile(
        r"\b(?:with|by|from|under|have|get|gets|assigned|receive|receives)[ \t]+(?:a[ \t]+|an[ \t]+|your[ \t]+|"
        r"our[ \t]+)?(?:dedicated[ \t]+|personal[ \t]+|assigned[ \t]+|senior[ \t]+|experienced[ \t]+)?$",
        re.I,
    ),
    # a gearbox ("自动变速箱（AT/CVT）", "CVT transmission"), not a certified veterinary technician
    "cvt": re.compile(r"(?:\bAT|DCT|变速箱|变速器|transmissions?|gearbox)[ \t]*[/、,，（(]?[ \t]*$", re.I),
    # the security managers' certificate spelled out before it ("Certified Protection Professional (CPP)"), not payroll
    "cpp": re.compile(r"Protection[ \t]+Professional[ \t]*[(（]?[ \t]*$|\bASIS[ \t]+$", re.I),
    # a metro's train control beside its kin ("ATP/ATO/ATS", "CBTC、ATS"), not an applicant tracking system
    "ats": re.compile(r"\b(?:ATP|ATO|CBTC|CI|ZC)[ \t]*[/、,，][ \t]*(?:AT[PO][ \t]*[/、,，][ \t]*)?$"),
    # conduit named before it ("EMT, IMC and rigid")
    "imc": re.compile(r"\b(?:EMT|RMC|rigid|conduit)\b[^.;\n]{0,20}$", re.I),
    # a firm's name ("Moody's Analytics Certificate in Commercial Credit", "S&P Global Market Intelligence"), no skill
    "analytics": re.compile(r"\b[A-Z][\w&]*['’]s[ \t]+$"),
    # a hotel's or a practice's department ("Front Office, Guest Services, Concierge"), not Microsoft's suite
    "office": re.compile(
        r"\b(?:front|back|head|box|post|home|main|branch|field|regional|district|corporate|dental|medical|doctor'?s|"
        r"law|project|program|programme|admissions|registrar'?s|business|sales|ticket|site|the|an?)[ \t-]*$",
        re.I,
    ),
    # radiosurgery beside its kin ("SBRT/SRS", "delivering SBRT and SRS treatments"), not the realtors' designation
    "srs": re.compile(
        r"(?:SBRT|IMRT|VMAT|stereotactic|radiosurg\w*|radiation|gamma[ \t]+knife|cyberknife)"
        r"[ \t]*(?:[/,;&]|and)?[ \t]*$",
        re.I,
    ),
    # what a designer makes for them ("Design packaging for new product launches"), not a launch's strategy
    "product launches": re.compile(r"\bfor[ \t]+(?:(?:new|upcoming|seasonal|our)[ \t]+)?$", re.I),
    # a scientist's conference posters ("PUBLICATIONS & POSTERS", "talks and posters"), not print design
    "posters": re.compile(
        r"\b(?:publications?|papers?|presentations?|talks?|abstracts?)[ \t]*(?:&|and|,)[ \t]*$", re.I
    ),
    # how a post was held, in brackets after it ("柜员（劳务派遣）", "上海科创人力资源有限公司（外包）"), not a trade
    "劳务派遣": re.compile(r"[（(][ \t]*$"),
    "外包": re.compile(r"[（(][ \t]*$"),
    # a hotel guest's bill ("办理宾客入住、退房、换房及结账"), not a ledger's month-end close
    "结账": re.compile(
        r"(?:入住|退房|换房|宾客|客人|顾客|收银|前台|离店)[、及和与 \t]{0,3}(?:[\u4e00-\u9fff]{1,3}[、及和与])?$"
    ),
    # a certificate's letters after its name ("Certified Safety Supervisor (CSS)"), not style sheets
    "css": re.compile(r"\b(?:Supervisor|Safety|Specialist|Sommelier|Secretary)[ \t]*\([ \t]*$"),
    # a service's allowance of failure ("SLOs and error budgets"), not money planned
    "budgets": re.compile(r"\berror[ \t-]+$", re.IGNORECASE),
    # an ECG's leads ("12-lead acquisition and interpretation"), not customers won
    "lead acquisition": re.compile(r"\b\d{1,2}[ \t]*[-–]?[ \t]*$"),
    # a dietitian's or a trainer's show of a skill ("monthly cooking demos"), not a sales pitch
    "demos": re.compile(
        r"\b(?:cooking|culinary|food|recipe|kitchen|nutrition|makeup|fitness|exercise|technique|safety)[ \t]+$", re.I
    ),
    # a language's column ("UNDERSTANDING SPEAKING WRITING" in a Europass CV, "reading and writing"), not a craft
    "writing": re.compile(r"\b(?:speaking|reading|listening|spoken)[ \t,/&]*(?:and[ \t]+)?$", re.I),
    # an X-ray, not the Ray framework; a patient after a coronary intervention ("post-PCI patients"), not one done
    "ray": re.compile(r"\bX[ \t]*[-–]?[ \t]*$", re.I),
    # "post-PCI" care; a card standard beside other compliance regimes ("HIPAA, SOC 2, PCI or similar")
    "pci": re.compile(
        r"\bpost[ \t]*[-–]?[ \t]*$|\b(?:HIPAA|SOC[ \t]*[12]|SOX|GDPR|ISO[ \t]*27001|FedRAMP|HITRUST|NIST|CCPA)\b"
        r"[^\n.;]{0,16}$",
        re.I,
    ),
    # a sales-qualified lead in a funnel ("MQL-to-SQL conversion"), not the query language
    "sql": re.compile(r"\bMQLs?(?:[ \t]*(?:-|–|→|/|&|to|and))+[ \t-]*$", re.I),
    # a degree's field ("Electronics and Communication Engineering"), not the soft skill
    "communication": re.compile(
        r"\b(?:Electronics|Electrical|Information|Computer|Telecom\w*|Optical|Wireless|Data)[ \t]+(?:and|&)[ \t]+$",
        re.I,
    ),
    # a publishing plan ("content calendar", "editorial calendar", "release calendar"), not an executive's diary
    "calendar": re.compile(
        r"\b(?:content|editorial|social(?:[ -]media)?|marketing|publishing|release|academic|school|events?|promotional"
        r"|campaign|production|posting|launch|trade|fiscal|sprint)[ \t]+$",
        re.I,
    ),
    # a count of events ("主导 6 起重大安全事件": six major incidents), not lifting and rigging
    # an incident's post-mortem ("事件定级、遏制、根除与复盘"), a step of incident response, not a habit of mind
    "复盘": re.compile(r"(?:事件|故障|事故|应急|根除|遏制|漏洞|告警)[^。；;\n]{0,12}$"),
    "快手": re.compile(r"(?:是个|是一个|一把|个|的)\s*$"),  # "办事的快手": someone quick, not the platform
    "起重": re.compile(r"(?:\d|[一二三四五六七八九十两几多数])\s*$"),
    # a car's cover the job asks one to hold ("valid driver's license and auto insurance"), not the insurance trade
    "insurance": re.compile(
        r"\b(?:auto|car|vehicle|automobile|motor|renters|proof[ \t]+of|personal[ \t]+auto)[ \t]+$", re.I
    ),
    # a department worked with ("协同公司业务、投资银行等条线", "联动投行部门"), not the candidate's own trade
    "投资银行": re.compile(r"(?:协同|联动|配合|对接|协助)[^，。；;\n]{0,8}$"),
    # a bank's loans paid out ("个人贷款业务，累计投放约1.5亿元"), not ads placed
    "投放": re.compile(r"(?:贷款|信贷|贷|资金|授信)[^。；;\n]{0,12}$"),
    # the last character of 金融 and the first of 资产 ("金融资产600万元以上": financial assets), not raising funds
    "融资": re.compile(r"金$"),
    # a directory's user accounts ("Active Directory account management"), not a client portfolio
    "account management": re.compile(
        r"\b(?:Active[ \t]+Directory|AD|directory|user|identity|IAM|privileged)[ \t]+$", re.I
    ),
    # "Participate in quality improvement, peer review, and staff education" in a nurse practitioner's posting
    "peer review": re.compile(
        r"\b(?:quality[ \t]+improvement|clinical|nursing|medical|physician|provider|chart|case|credentialing|patient"
        r"|journal|manuscript|academic|scholarly)\b[^\n.;]{0,30}$",
        re.I,
    ),
    "c": _GRADE_BEFORE,
    # a grade ("C-R"), or a gauge study's repeatability and reproducibility ("MSA分析（GR&R、偏倚、线性）")
    "r": re.compile(r"[A-Za-z0-9]-$|[A-Za-z]&$"),
    "preceptor": _PRECEPTED_BEFORE,
    "preceptors": _PRECEPTED_BEFORE,
    "soc": re.compile(r"(?:电池|电量|battery|BMS)[ \t]*$", re.I),
    # an aircraft inspector's FAA Inspection Authorization ("Inspection Authorization (IA)", "A&P/IA"), not a site's
    # information architecture
    "ia": re.compile(r"(?:Authori[sz]ation[ \t]*[(（]|\bA&P[ \t]*/[ \t]*|\bFAA[ \t]+)$", re.I),
    "cms": re.compile(
        r"\b(?:Medicare|Medicaid|Centers[ \t]+for)\b[^\n;]{0,30}[(（]?[ \t]*$"
        r"|(?-i:\b(?:[A-Z]{1,3}DOT|DOT)[ \t]+$)",  # a transportation department's specifications ("per ODOT CMS 499")
        re.I,
    ),
    # a LEED or WELL Accredited Professional; the readers written for ("copy for CFOs and AP managers"): not accounts
    # payable
    "ap": re.compile(r"\b(?:LEED|WELL|Fitwel)[ \t]+$|\bfor[ \t]+[\w-]+s[ \t]*(?:,|and|&)[ \t]*$"),
    "davinci": re.compile(r"\bVector[ \t]+$"),
    "can": re.compile(r"\b(?:I|YOU|WE|THEY|HE|SHE|IT|WHO|THAT|WHAT|HOW)[ \t]+$"),
    # a mechanical or a database design's rules and structure, not a UI design system or an enclosure
    "设计规范": re.compile(r"(?:结构|机械|工艺|电气|硬件|模具|数据库|接口|代码)[ \t]*$"),
    "结构设计": re.compile(r"(?:表|数据|数据库|组织|代码|数据表|存储)[ \t]*$"),
    "分析能力": re.compile(r"(?:仿真|有限元|CAE)[ \t]*$"),  # "CAE 仿真分析能力": a simulation skill
    "采购": re.compile(r"(?:配合|对接|协同)[ \t]*$"),  # "配合采购完成选型": working beside purchasing, not buying
    # "现招聘内审经理1名": the posting's own hiring; "来源：智联招聘": a job site's name (a resume's export header)
    "招聘": re.compile(r"(?:现|诚|急|拟|特|智联|拉勾|中华英才网?|应届生求职网?|赶集|58同城|猎聘)[ \t]*$"),
    "战略": re.compile(r"(?:公司|集团|企业)[ \t]*$"),  # "根据公司战略制定审计计划": the company's, no skill
    # a forklift licence's class ("特种设备作业人员证（叉车司机 N1）"), not the Japanese test
    "n1": _FORKLIFT_CLASS_BEFORE,
    "n2": _FORKLIFT_CLASS_BEFORE,
    # a browser's policy among web defences ("XSS, CSRF, CSP", "Content Security Policy (CSP)"), no safety certificate
    "csp": re.compile(
        r"\b(?:XSS|CSRF|CORS|SameSite|Content[ \t]+Security[ \t]+Policy|HTTP|headers?|cloud[ \t]+service)\b"
        r"[^\n.;]{0,25}$",
        re.I,
    ),
    "fsa": re.compile(r"\bHSA[ \t]*(?:/|and|&|,)[ \t]*$|\b(?:medical|dependent[ \t]+care|health)[ \t]+$", re.I),
    # a breach looked into ("security incident investigation"), not an injury's
    "incident investigation": re.compile(r"\b(?:security|cyber|SOC|phishing|malware|IT|network|fraud)[ \t-]+$", re.I),
    # propensity score matching among causal methods ("causal inference (DiD, PSM, synthetic control)"), no Scrum;
    # OSHA's process safety management ("Process Safety Management (PSM)", "ammonia refrigeration (IIAR) and PSM"),
    # not the Scrum certificate
    "psm": re.compile(
        r"(?:\bDiD\b|causal|propensity|matching|regression|IPW)[^\n.;]{0,30}$"
        r"|(?:\bOSHA|process[ \t]+safety|\bRMP|1910\.119|HAZOP|\bPHA|\bMOC|mechanical[ \t]+integrity|ammonia|IIAR|"
        r"refiner|chemical)[^\n.;]{0,30}$",
        re.IGNORECASE,
    ),
    # a trade certificate's level ("汽车营销师（四级）", "电工四级"), not the English test
    # "消防员 中级（四级）", "互联网营销师（直播销售员）四级": a trade's grade, its speciality bracketed between
    "四级": re.compile(r"(?:师|工|员|[初中高]级)[ \t]*(?:[（(][^（）()\n]{1,12}[)）])?[ \t]*[（(]?[ \t]*$"),
    "六级": re.compile(r"(?:师|工|员|[初中高]级)[ \t]*(?:[（(][^（）()\n]{1,12}[)）])?[ \t]*[（(]?[ \t]*$"),
    # "多线程读写容器": a data structure, not Docker
    "容器": re.compile(r"(?:读写|线程安全|并发|集合|STL|标准库)[ \t]*$"),
    # a urinalysis among lab tests ("labs (CMP, CBC, A1c, lipid panel, TSH, UA)"), not user acquisition
    "ua": re.compile(r"\b(?:CBC|CMP|BMP|TSH|A1c|lipid|labs?|urine|panel)\b[^\n;.]{0,30}$", re.I),
    # a patient's or a procedure's watch ("procedural sedation monitoring", "anesthesia induction and monitoring"),
    # or a cleanroom's or a site's ("environmental monitoring records", "air monitoring"), not a system's observability
    "monitoring": re.compile(
        r"\b(?:sedation|patient|vital|cardiac|fetal|glucose|hemodynamic|telemetry|blood|drug|remote\s+patient|"
        r"environmental|temperature|pressure|air|water|emissions?|groundwater|progress|student|behaviou?r)[ \t\n-]+$"
        r"|\b(?:anesthe\w*|anaesthe\w*|vitals|ECG|EKG|SpO2|neuro|post-?op\w*)\b[^\n.;]{0,25}$",
        re.I,
    ),
    # a classroom's records ("daily schedules and data sheets", "ABC data sheets"), not a component's
    "data sheets": re.compile(r"\b(?:schedules?|behaviou?r|ABC|tally|student|IEP|goal|progress)\b[^\n.;]{0,20}$", re.I),
    # an actuarial exam ("Exam SRM", "SOA exams: P, FM, SRM"), not an aircraft's structural repair manual
    "srm": re.compile(r"\b(?:Exams?|SOA|CAS|passed)\b[^\n]{0,40}$", re.I),
    # a CNC machine's control among others ("Haas and Fanuc controls", "CNC (Fanuc, Mazak)"), not a robot
    "fanuc": re.compile(
        r"\b(?:CNC|Haas|Mazak|Mazatrol|Okuma|Sinumerik|Heidenhain|G-code|lathes?|mills?)\b[^\n.;]{0,25}$", re.I
    ),
    # a help desk's canned replies ("Zendesk macros", "support macros"), not Excel's
    "macros": re.compile(
        r"\b(?:Zendesk|Freshdesk|Intercom|Gorgias|Help[ \t]?Scout|support|tickets?|canned|response|help[ \t]?desk)\b"
        r"[^\n.;]{0,20}$",
        re.I,
    ),
    # a technical plan ("machining strategy", "test strategy", "caching strategy"), not business strategy
    "strategy": re.compile(
        r"\b(?:machining|toolpath|cutting|fixturing|test|testing|backup|caching|cache|branching|retry|deployment|"
        r"rollout|indexing|partitioning|sharding|migration|tagging|naming|bidding|keyword)[ \t-]+$",
        re.I,
    ),
    # an aircrew's teamwork abbreviated ("Crew Resource Management (CRM)"), not customer relationship management
    "crm": re.compile(r"\bcrew[ \t]+resource[ \t]+management[ \t]*[(（][ \t]*$", re.I),
    # an aircrew's teamwork ("Crew Resource Management"), not planning people and budgets
    "resource management": re.compile(r"\bcrew[ \t]+$", re.I),
    # an injured worker's insurance ("manage workers' compensation cases"), not pay and benefits
    "compensation": re.compile(r"\bworkers?['’]?[ \t]*$|\bworker['’]s[ \t]+$", re.I),
    # a body's made to fit ("orthotic fabrication", "splint fabrication"), not metal work
    "fabrication": re.compile(r"\b(?:orthotic|orthosis|splint|splinting|prosthetic|custom)[ \t]+$", re.I),
    # a clinic's measures ("quality-of-life questionnaires", "patient-reported outcome surveys"), not research design
    "questionnaires": re.compile(
        r"\b(?:quality[ -]of[ -]life|patient[ -]reported|symptom|screening|intake|health)[ \t]+$", re.I
    ),
    "otr": re.compile(
        r"\b(?:an|\d+-state|regional|local|dedicated|long[- ]haul|CDL)[ \t]*(?:/|,|and|or)?[ \t]*$", re.I
    ),
    "msa": re.compile(
        r"(?:\b(?:draft|negotiat|redlin|execut)\w*[ \t]+(?:(?:the|client|customer|vendor|master)[ \t]+)*"
        r"|agreements?[ \t]*[(（][ \t]*|\bMetropolitan\b[^\n]{0,25})$",
        re.I,
    ),
    "nec": re.compile(r"\bJCT[ \t]*(?:and|&|/|,|or)[ \t]*$"),
    # money paid to staff ("bonus payments for technicians"), not a payments business
    "payments": re.compile(r"\b(?:bonus|commission|severance|incentive|overtime|benefits?|retention)[ \t]+$", re.I),
    # a licensed Professional Geologist ("under supervision of a licensed PG"), not PostgreSQL
    "pg": re.compile(r"\b(?:licensed|registered|professional|state|of[ \t]+an?)[ \t]+$", re.I),
    # an airline's regional brand ("First Officer for United Express"), not the Node.js framework
    "express": re.compile(r"\b(?:United|American|Delta|Alaska|Continental|Horizon|Virgin|Jet)[ \t]+$"),
    "underwriting": re.compile(
        r"\b(?:carrier|insurance|insurer|commercial[ \t]+lines|personal[ \t]+lines|P&C)[ \t]+$", re.I
    ),
    "upi": re.compile(rf"{_SCREENING_SCALES}[、,，/ \t]*$"),
    "sas": re.compile(rf"{_SCREENING_SCALES}[、,，/ \t]*$"),
    "图像处理": re.compile(r"图形$"),  # "图形图像处理（Photoshop）": a graphics exam's subject, not computer vision
    # a blood smear's white cell count ("Performed manual differentials"), not an axle's gears
    "differentials": re.compile(
        r"\b(?:manual|WBC|white[ \t]+(?:blood[ \t]+)?cell|blood|leukocyte|cell|peripheral|smear)[ \t]+$", re.I
    ),
    # an accreditor's or regulator's visit ("CAP inspection preparation", "a home inspection"), not checking parts
    "inspection": re.compile(
        r"\b(?:CAP|TJC|Joint[ \t]+Commission|FDA|OSHA|DOH|CMS|AABB|CLIA|regulatory|accreditation|home|fire)[ \t]+$",
        re.I,
    ),
    # "开展会员活动": 开展 + 会员, no trade show
    "展会": re.compile(r"开$"),
    # shifts accepted ("能适应直播排班", "接受排班"), not the skill of scheduling others
    "排班": re.compile(r"(?:适应|接受|服从|配合)[^，。；;\n]{0,6}$"),
    # machine-shop drawings ("read and interpret blueprints and GD&T"), not Unreal's visual scripting
    "blueprints": re.compile(
        r"\b(?:read\w*|interpret\w*|understand\w*|follow\w*|from|per|construction|mechanical|electrical|"
        r"architectural|shop|engineering|complex|job)\b[^\n.;]{0,25}$",
        re.I,
    ),
    # documents put together and laid out ("CTD资料汇编与质控", "模块整理及排版"): no assembly language, no typography
    "汇编": re.compile(r"(?:资料|文件|文档|材料|制度|数据|报告|法规)[ \t]*$"),
    "排版": re.compile(r"(?:资料|文件|文档|材料|报告|模块|整理及|整理与|标书)[ \t]*$"),
    "cro": re.compile(
        r"(?:医药|药业|临床|生物|biotech|pharma|clinical|外包)[^\n，,；;]{0,8}$|(?:公司|机构)[（(]$"
        # "Veridian Clinical Research (CRO)", "sponsor or CRO"
        r"|(?:clinical|research|sponsors?|trials?)\W{0,3}(?:or|and|/)?[ \t(]*$",
        re.I,
    ),
    # fewer suppliers, sites or shipments ("supplier consolidation"), not consolidated financial statements
    "consolidation": re.compile(
        r"\b(?:supplier|vendor|supply[ \t]+base|site|warehouse|freight|shipment|SKU|inventory|footprint|server|data)"
        r"[ \t-]+$",
        re.IGNORECASE,
    ),
    "retention": re.compile(r"\b(?:revenue|employee|staff|talent|data|records?|logs?)[ \t-]+$", re.IGNORECASE),
    # a clinician's notes ("meet Medicare documentation requirements", "nursing documentation"), not technical writing
    "documentation": _CLINICAL_NOTES_BEFORE,
    # the people at the top ("present to Commercial and Finance leadership"), not the skill of leading
    "leadership": re.compile(
        r"\b(?:senior|executive|company|commercial|finance|regional|district|our)[ \t]+(?:and[ \t]+[A-Za-z]+[ \t]+)?$",
        re.IGNORECASE,
    ),
    # Tridium's Technical Certification Program ("Niagara 4 TCP", "Certification Program (TCP)"), not the protocol
    "tcp": re.compile(r"(?:Niagara(?:[ \t]+(?:4|N4|AX))?|Certification[ \t]+Program[ \t]*\()[ \t]*$", re.I),
    # the parcel carriers' ("FedEx, UPS", "顺丰、UPS"), not an uninterruptible power supply
    "ups": re.compile(r"(?:FedEx|USPS|DHL|顺丰|EMS|中通|圆通)[ \t]*(?:[,，、/&]|and|or)[ \t]*$", re.I),
    # a building's monitoring ("动环监控系统", "安防监控系统", "视频监控系统"), not a software system's observability
    "监控系统": re.compile(r"(?:动环|动力环境|环境|安防|视频|消防|楼宇|门禁|周界|闭路)$"),
    # the state's social insurance ("《社会保险法》", "社会保险"), not an insurer's business
    "保险": re.compile(r"社会$"),
    # a building's plant kept running ("暖通空调系统运维", "电梯系统运维"), not a server's administration
    "系统运维": re.compile(r"(?:空调|暖通|设备|楼宇|电梯|消防|给排水|配电|供电|机电|弱电|强电|安防)$"),
    # a product's name: "Salesforce (Sales Cloud)", "Marketing Cloud", Snowflake's "AI Data Cloud"
    "cloud": re.compile(
        r"\b(?:Sales|Service|Marketing|Commerce|Data|Experience|Analytics|Health|Education|Nonprofit|Creative|"
        r"Document|Einstein|Provet|Kronos|Procore|Toast)[ \t]+$"
    ),
}


_SENSED = frozenset(_OTHER_SENSE_AFTER) | frozenset(_OTHER_SENSE_BEFORE)


def _other_sense(text: str, start: int, end: int) -> bool:
    """True when the spelling at text[start:end] is meant in a sense the words beside it rule out (cheap for the
    usual spelling, which has no rule)."""
    surface = text[start:end].lower()
    if surface not in _SENSED:
        if not (surface.endswith("s") and surface[:-1] in _SENSED):
            return False
        surface = surface[:-1]  # "X-rays": a plural is read in its word's sense
    after = _OTHER_SENSE_AFTER.get(surface)
    before = _OTHER_SENSE_BEFORE.get(surface)
    return bool(after and after.match(text, end)) or bool(before and before.search(text, max(0, start - 30), start))


# "PS、AI、AE、PR": among Adobe's tools, as designers and video editors write them, "PR" is Premiere Pro (not public
# relations) and "AI" Illustrator (not artificial intelligence); both names match only in capitals.
_ADOBE_BESIDE = re.compile(
    r"(?<![A-Za-z])(?:PS|AE|LR|AU|Photoshop|After Effects|Premiere|Audition|DaVinci|Final Cut|FCPX|剪映|达芬奇)"
    r"(?![A-Za-z])"
)


# A name whose words around it say which of two senses it has: (what they must hold, how far to look, the other
# sense's id). "维护 KOL 医生 20+ 位", "KOL relationships with oncologists": the doctors whose opinion leads a field,
# whom a pharmaceutical rep serves, not a marketer's influencers. "comprehensive financial planning for
# households", "financial planning software (eMoney)": a family's plan, not a company's FP&A.
_SENSE_BY_NEIGHBOURS: dict[str, tuple[re.Pattern[str], int, str]] = {
    # a shift's crew led ("任值班长，带班6人", "带班组12人"), not a teacher's homeroom
    "带班": (re.compile(r"带班[组]?[ \t]*\d+[ \t]*(?:人|名)|值班长|班组|倒班|运行班"), 8, "team management"),
    # Google Tag Manager beside the analytics it feeds ("熟悉GA4、GTM等数据分析工具", "Tools: GA, GTM, Looker"), no
    # go-to-market strategy
    "gtm": (
        re.compile(
            r"(?<![A-Za-z])GA4?(?![A-Za-z])|Google[ \t]+Analytics|Adobe[ \t]+Analytics|谷歌分析|埋点|数据分析|tags?\b|"
            r"tagging|container|Looker|Tableau|\bSEO\b|pixel",
            re.IGNORECASE,
        ),
        16,
        "google tag manager",
    ),
    "pr": (_ADOBE_BESIDE, 16, "premiere pro"),
    "ai": (_ADOBE_BESIDE, 16, "illustrator"),
    "kol": (
        re.compile(
            r"医生|专家|医院|科室|临床|学术|处方|药|physician|doctor|clinician|oncolog|cardiolog|hospital|medical|"
            r"clinical|\bHCPs?\b|therapeutic|pharma",
            re.IGNORECASE,
        ),
        24,
        "kol management",
    ),
    "dbt": (
        re.compile(
            r"therap|\bCBT\b|clinical|client|patient|counsel|mental|psych|trauma|behavio|skills groups?|"
            r"emotion|self-harm|borderline",
            re.IGNORECASE,
        ),
        40,
        "dialectical behavior therapy",
    ),
    # a road consignment note ("CMR documentation", "transport documents (CMR)"), not a pharmacist's medication review
    "cmr": (
        re.compile(
            r"transport|freight|shipment|carrier|customs|consignment|truck|load|forwarding|waybill|logistic|运输|物流|货",
            re.IGNORECASE,
        ),
        30,
        "shipping documents",
    ),
    # a special educator's Functional Behavior Assessment ("FBAs and BIPs", "FBA/BIP"), not Fulfillment by Amazon
    "fba": (
        re.compile(r"behavio|\bBIPs?\b|\bIEPs?\b|student|special education|intervention|classroom|school", re.I),
        40,
        "functional behavior assessment",
    ),
    "fbas": (
        re.compile(r"behavio|\bBIPs?\b|\bIEPs?\b|student|intervention", re.I),
        40,
        "functional behavior assessment",
    ),
    # the Centers for Medicare & Medicaid Services ("federal regulations (CMS, OSHA)", "5-star CMS rated"), not a
    # website's content management system
    "cms": (
        re.compile(
            r"Medicare|Medicaid|federal|state survey|surveys?\b|star|rated|regulat|nursing|resident|patient|"
            r"facility|SNF|skilled|hospital|HIPAA|OSHA|Joint Commission|MDS|clinical|care\b|"
            r"coding|ICD|CPT|HCPCS|HCC|risk adjustment|claims?\b|billing|reimburse|guideline|Coding Clinic",
            re.IGNORECASE,
        ),
        40,
        "cms regulations",
    ),
    "financial planning": (
        re.compile(
            r"wealth|client|household|famil|retirement|estate|advis[oe]r|\bCFP|\bRIA\b|individual|personal|"
            r"fiduciary|eMoney|MoneyGuide|planner|理财|个人|家庭|客户",
            re.IGNORECASE,
        ),
        40,
        "personal financial planning",
    ),
    # a trial's Good Clinical Practice ("GCP (Good Clinical Practice) – CITI", "Current GCP certification" in a
    # research coordinator's posting), not Google Cloud
    "gcp": (
        re.compile(
            r"clinical|trials?\b|CITI|\bICH\b|\bIRB\b|research|protocol|subjects?\b|sponsor|\bCR[CA]\b|CCRC|"
            r"informed consent|patients?|phlebotomy|\bHIPAA\b|certification|training|临床|试验|伦理",
            re.IGNORECASE,
        ),
        40,
        "good clinical practice",
    ),
    # the ERP beside its kin ("an ERP system (SAP, Oracle or NetSuite)", "NetSuite-to-Oracle ERP migration"), not the
    # database
    "oracle": (
        re.compile(r"\bERP\b|NetSuite|\bSAP\b|Fusion|\bEBS\b|E-Business|Financials|Hyperion|Workday|Dynamics", re.I),
        30,
        "oracle financials",
    ),
    # a learning platform ("learning management system (Cornerstone OnDemand)"), not IDEXX's veterinary software
    "cornerstone": (
        re.compile(r"OnDemand|\bLMS\b|learning|training|talent|Workday|SuccessFactors|courses?\b|e-?learning", re.I),
        40,
        "lms",
    ),
    # a surveyor's satellite positioning ("RTK外业测量", "大疆M300 RTK", "RTK GPS base station"), not Redux Toolkit
    "rtk": (
        re.compile(
            r"测量|测绘|外业|放样|全站仪|无人机|航测|北斗|定位|基站|控制点|大疆|精灵|GNSS|GPS|survey|stak|drone|UAV|"
            r"total station|base station|DJI|Phantom|Matrice|M[23]\d0|PPK|geodetic|topograph|positioning",
            re.IGNORECASE,
        ),
        40,
        "gnss surveying",
    ),
}


def _by_neighbours(text: str, hit: Hit) -> Hit:
    rule = _SENSE_BY_NEIGHBOURS.get(hit.surface.lower())
    if rule is None:
        return hit
    near, reach, meant = rule
    if not near.search(text, max(0, hit.start - reach), hit.end + reach):
        return hit
    return Hit(meant, hit.surface, hit.start, hit.end, hit.kind)


# The open end of a date range ("Jun 2020 – Present", "2019 to current"): no word of a skill's.
_RANGE_ENDS = frozenset({"present", "current", "now", "today"})
_RANGE_END_BEFORE = re.compile(r"(?:[-–—~]|\bto|\bthrough|\buntil)\s*$", re.IGNORECASE)
# A guarded spelling followed by a year is a date's word ("Spring 2025", a term), never the skill.
_YEAR_AFTER = re.compile(r"[ \t]+(?:(?:19|20)\d{2}|['’]\d{2})\b")
# A label that opens a line of skills: "Skills:", "Languages & Tools:", "技术栈：".
_LIST_LABEL_RE = re.compile(r"^[\s\-*•·]*([^:：\n]{1,40})[:：]\s*$")
_LIST_LABEL_WORDS = re.compile(
    r"skill|tech|tool|stack|language|framework|librar|platform|database|software|proficien|expertise|"
    r"技能|技术|工具|语言|框架|熟悉|掌握",
    re.IGNORECASE,
)
# A heading written in both languages, either first: "Skills & Certificates 技能证书", "工作经历 Work Experience".
# A heading naming a kind of projects (normalised: lower case): "curriculum projects", "capstone & data projects".
_KIND_OF_PROJECTS = re.compile(r"(?:[a-z][a-z-]*\s+(?:&\s+|and\s+)?){1,3}projects")
# …written as a heading is: "Curriculum Projects", "CAPSTONE PROJECTS" (not "Led two major projects")
# Experience of a kind, written as a heading ("Clinical & Industrial Experience", "Sales Leadership Experience"):
# the resume's roles. A posting's headings that ask for experience name the asking, or other things beside it.
_KIND_OF_EXPERIENCE = re.compile(
    r"(?!.*\b(?:required|requirements?|preferred|desired|desirable|minimum|ideal|bonus|your|our|the|what|must|"
    r"nice|plus|key|essential|education|skills?|qualifications?|knowledge|background|years?)\b)"
    r"(?:[a-z][a-z-]*\s+(?:and\s+)?){1,3}experience"
)
_TITLE_CASED = re.compile(r"(?:(?:[A-Z][A-Za-z-]*|&|and)\s+)+[A-Z][A-Za-z-]*")
_BILINGUAL_HEADING = re.compile(
    r"(?P<en1>[A-Za-z][A-Za-z &/,'-]{2,40}?)[ \t]*[|｜/]?[ \t]*(?P<zh1>[\u4e00-\u9fff][\u4e00-\u9fff、与及和/]{1,10})"
    r"|(?P<zh2>[\u4e00-\u9fff][\u4e00-\u9fff、与及和/]{1,10})[ \t]*[|｜/]?[ \t]*(?P<en2>[A-Za-z][A-Za-z &/,'-]{2,40})"
)
_HEADING_NOISE_RE = re.compile(
    r"^[\s#*\-•·>=_|◆◇■□●○★☆❖✦▌▍▎▶►▸▪]*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.、)）]\s*)?|[\s#*\-=_|:：]*$"
)
_ASIDE_RE = re.compile(r"\s*[（(【\[][^()（）【】\[\]]{1,30}[)）】\]]\s*")
_ABOUT_NAME_RE = re.compile(
    r"^[#*\s]*About\s+(?!you\b|the\s+(?:role|job|team|position)\b)[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}:?$"
)
_BRACKETS_RE = re.compile(r"[【】\[\]「」《》()（）]")
_HEADING_JOIN_RE = re.compile(r"\s*(?:/|,|\band\b|、|与|及)\s*")  # between the parts of a normalised heading
_SPACED_CAPS_RE = re.compile(r"^(?:[A-Z] ){3,}[A-Z]$")
# Each with a word every match of it holds: a text without the word is not scanned (most JDs and resumes).
_CERT_PATTERNS = (
    # Within a line: "EDUCATION & CERTIFICATIONS" over "Google UX Design Professional Certificate" is two names.
    ("Certified", re.compile(r"\b(?:[A-Z][\w+&./-]*[ \t]+){0,2}Certified(?:[ \t]+(?:[A-Z][\w+&./-]*|in|of|for)){1,6}")),
    # …and what it is in: "RCVS Certificate in Advanced Veterinary Practice", "ILM Level 5 Certificate in Leadership"
    (
        "Certific",
        re.compile(
            r"\b(?:[A-Z][\w+&./-]*[ \t]+){1,5}(?:Certification|Certificate)\b"
            r"(?:[ \t]+in(?:[ \t]+(?:[A-Z][\w&-]*|and|of)){1,5})?"
        ),
    ),
    # A teacher's licence: "California Preliminary Mild/Moderate Education Specialist Credential"
    ("Credential", re.compile(r"\b(?:[A-Z][\w+&./-]*[ \t]+){1,6}Credential\b")),
    # A space only between Latin letters or digits: "西门子TIA Portal高级编程培训证书".
    (
        "证",
        re.compile(
            r"(?:[\u4e00-\u9fffA-Za-z0-9（）()+\-]|(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])){2,20}?"
            r"(?:资格证书|资格证|证书|认证|(?:操作|作业|人员|合格|上岗|执业)证)"
        ),
    ),
)
# Words a Chinese certificate phrase may start with that are not part of its name ("获得PMP证书").
_CERT_LEAD_WORDS = (
    "获得",
    "持有",
    "具备",
    "拥有",
    "通过",
    "取得",
    "考取",
    "有",
    "了",
    "的",
    "并",
    "及",
    "和",
    "或",
    "以上",
    "相关",
)
# Certificates that are technology, not qualifications: "SSL Certificate", "数字证书", "实名认证".
_NOT_A_CERT_RE = re.compile(
    r"(?<![A-Za-z])(?:SSL|TLS|HTTPS|X\.509|Code Signing|Self-Signed|Gift|Birth|Stock)(?![A-Za-z])|"
    # school-leaving examinations (Ireland's, the GCSE's forebears): schooling, in the education section
    r"\b(?:Leaving|Junior|Intermediate|General)\s+Certificate\b|"
    r"数字证书|电子证书|(?:身份|实名|用户|登录|权限|统一|双因素|企业|官方|平台)认证|发票|进项",
    re.IGNORECASE,
)
# A course named after a certificate, taken or finished ("Certified Trainer 课程结业", "Certified Scrum Master
# course"): the course, not the certificate.
_COURSE_AFTER = re.compile(r"[ \t]*(?:课程|培训|结业|courses?\b|training\b|class(?:es)?\b|coursework\b)", re.I)
# A certification's requirements or process, known rather than held: "熟悉CE认证相关要求", "ISO9001认证流程"; a
# server's certificates looked after ("证书到期检查").
_CERT_KNOWN_AFTER = re.compile(
    r"[ \t]*(?:相关|要求|流程|标准|体系|规范|审核|咨询|辅导|到期|过期|续期|续签|轮换|签发|吊销|校验|监控|自动化)"
)
# A certificate's name naming the firm: "a regional CPA firm", "Brennan & Holt CPAs, LLC".
# Other people's certificate, named right before it in the same sentence: "through their Series 65 and CFP
# coursework", "coached 12 nurses to pass the CCRN", "helped my team earn AWS certifications".
_OTHERS_BEFORE = re.compile(
    r"\b(?:their|his|her|team(?:'s|s')|students'?|mentees'?|associates'|analysts'|nurses'|employees')"
    r"(?:[ \t]+[\w/&®-]+){0,3}[ \t]*$"
    r"|\b(?:mentor(?:ed|ing)?|coach(?:ed|ing)?|help(?:ed|ing)?|train(?:ed|ing)?|prepar(?:ed|ing)|guid(?:ed|ing))\b"
    r"[^.;\n]{0,40}?\b(?:(?:to[ \t]+)?(?:pass|earn|obtain|get)|through)\b(?:[ \t]+(?:the|their|a|an))?[ \t]*$",
    re.IGNORECASE,
)
# The next number of a list of FINRA exams after "Series 7": ", 63", " and 66", "/66".
_SERIES_TAIL = re.compile(r"[ \t]*(?:,|/|&|and)[ \t]*(\d{1,2})\b(?![.\d])")
_CERT_AS_FIRM = re.compile(
    r"(?:s|'s)?(?:[ \t]+(?:firms?|practices?)\b|,?[ \t]+(?:LLC|LLP|PLLC|P\.?C\.))"
    # the people who hold it, not the person: "referrals from CPAs", "CPA/estate-attorney centers of influence"
    r"|[ \t]*/[ \t]*(?:estate[ -])?(?:attorneys?|lawyers?|legal|tax[ -]advisors?)\b"
    r"|[ \t]+(?:centers?[ \t]+of[ \t]+influence|referrals?|referral[ \t]+partners?|partners\b|clients\b|network\b)",
    re.IGNORECASE,
)
# On the line of a certificate's name that also names a job, the words that make it the certificate.
_TITLE_CERT_CUE = re.compile(
    r"证|资格|职称|认证|考试|通过|取得|获得|持有|certif|licen|[一二三]级|初级|中级", re.IGNORECASE
)
_CERT_GENERIC_LEADS = frozenset({"professional", "relevant", "industry", "other", "any", "related", "a", "the", "this"})
_STOPWORDS = frozenset(
    {
        "a", "an", "and", "or", "of", "the", "to", "in", "on", "for", "with", "by", "at", "from", "as", "via",
        "using", "use", "experience", "experienced", "knowledge", "skills", "skill", "strong", "solid", "good",
        "proficiency", "proficient", "familiarity", "familiar", "understanding",
    }
)  # fmt: skip
# E-mail addresses and links: "jane.sales@163.com" or "github.com/jane" claim no skill.
_LINK_RE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|io|org|net|dev|me)/\S*"
)
_NOT_A_LANGUAGE_RE = re.compile(
    r"\s*(?:University|College|Academy|Institute|School|Literature|Studies|History|Medicine|Cuisine|New Year|"
    r"大学|学院|文学|菜|历史|新年)"
)
_CJK_WORDS_RE = re.compile(r"(?:[\u4e00-\u9fff]{2}){2,4}")  # four to eight characters: two-character words
_CJK_BREAK_RE = re.compile(r"[。；;！？!?\n，,、]")
_CJK_WINDOW_EXTRA = 4  # characters allowed between the words of a Chinese term
_STEM_WINDOW_EXTRA = 3  # stems of a term may be this many tokens apart beyond the term's own length


@dataclass(frozen=True)
class Hit:
    """One mention found in a text, with character offsets into that text."""

    canonical: str
    surface: str
    start: int
    end: int
    kind: str  # "skill" | "language" | "degree" | "certification"


@dataclass(frozen=True)
class _Item:
    canonical: str
    kind: str
    label_en: str
    label_zh: str
    family: str


def _lower_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in values if v.strip())


_CJK_JOINED_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s*(?:\band\b|/|／|和|＋|\+)\s*(?=[\u4e00-\u9fff])")


def _norm_heading(line: str) -> str:
    text = line.strip()
    if _SPACED_CAPS_RE.match(text):
        text = text.replace(" ", "")
    text = _BRACKETS_RE.sub(" ", text)
    text = _HEADING_NOISE_RE.sub("", text).strip()
    text = text.lower().replace("&", " and ").replace("\uff06", " and ").replace("\u2019", "'")
    text = _CJK_JOINED_RE.sub("与", text)  # "证书 & 荣誉", "证书 / 荣誉", "证书和荣誉": the lists write "证书与荣誉"
    return " ".join(text.split())


@dataclass(frozen=True)
class _TermFacts:
    """A keyword as find_term reads it: spaces normalised, what the vocabulary knows of it, its word stems."""

    term: str
    known: tuple[str, str] | None  # (kind, canonical)
    ambiguous: bool  # a known name stems would misfind ("Go", "R")
    cjk: bool
    stems: frozenset[str]


# Where a list parts its items: a term's words are never found across it.
_LIST_SEPARATOR = re.compile(r"[,，、;；|｜]")


class Vocabulary:
    """Everything the document model needs to name; built from the JSON data, immutable afterwards."""

    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        self._items: dict[tuple[str, str], _Item] = {}
        self._tries: dict[str, TermTrie] = {k: TermTrie() for k in ("skill", "language", "degree", "certification")}
        self._alias_index: dict[str, dict[str, str]] = {k: {} for k in self._tries}
        self._stem_index: dict[tuple[str, ...], str] = {}
        self._ambiguous: set[str] = set()  # lower-case keys of guarded or cased spellings
        self._cert_titles: set[str] = set()  # keys of certificate names that also name a job ("审计师")
        self._spellings: dict[tuple[str, str], list[str]] = {}  # (kind, canonical) -> unambiguous spellings
        self._spelling_tries: dict[tuple[str, str], TermTrie] = {}
        self._surface_heads: dict[tuple[str, str], set[str]] = {}  # (kind, canonical) -> first token keys
        self._proof_heads: dict[tuple[str, str], frozenset[str]] = {}  # made on first ask (see places)
        self._narrower: dict[str, set[str]] | None = None
        self._known_terms: dict[str, tuple[str, str] | None] = {}
        self._implies: dict[str, set[str]] = {}  # skill -> broader skills a mention of it also proves
        self._parts: dict[str, frozenset[str]] = {}  # a suite -> the products it bundles ("microsoft office" -> excel…)
        self._sections: dict[str, str] = {}
        for name in sorted(data):
            doc = data[name]
            if "skills" in doc:
                family = str(doc.get("_meta", {}).get("family", "general"))
                for raw in doc["skills"]:
                    self._add_item("skill", raw, family)
            for key, kind in (("languages", "language"), ("degrees", "degree"), ("certifications", "certification")):
                for raw in doc.get(key, []):
                    self._add_item(kind, raw, "general")
            for canonical, headings in doc.get("sections", {}).items():
                for heading in [*headings.get("en", []), *headings.get("zh", [])]:
                    self._sections.setdefault(_norm_heading(heading), canonical)
        self._broader = _closure(self._implies)
        words = {k: v for doc in data.values() for k, v in doc.items() if k != "_meta"}
        self.title_heads: frozenset[str] = _lower_set(words.get("title_heads", []))
        self.seniority: frozenset[str] = _lower_set(words.get("seniority", []))
        self.cjk_title_suffixes: tuple[str, ...] = _longest_first(words.get("cjk_title_suffixes", []))
        self.cjk_seniority: tuple[str, ...] = _longest_first(words.get("cjk_seniority", []))
        self.cjk_org_suffixes: tuple[str, ...] = _longest_first(words.get("cjk_org_suffixes", []))
        generic_keys = ("generic_words", "months", "pronouns", "verbs", "section_words")
        self.generic_words: frozenset[str] = _lower_set(w for key in generic_keys for w in words.get(key, []))

    # ---- loading -------------------------------------------------------------------------------------------
    def _add_item(self, kind: str, raw: dict[str, Any], family: str) -> None:
        label = str(raw["label"])
        canonical = str(raw.get("id", label)).strip().lower()
        zh = [str(z) for z in raw.get("zh", [])]
        if (kind, canonical) in self._items:
            raise ValueError(f"duplicate {kind} id: {canonical}")
        self._items[(kind, canonical)] = _Item(canonical, kind, label, zh[0] if zh else label, family)
        if raw.get("implies"):
            self._implies[canonical] = {str(c).lower() for c in raw["implies"]}
        if raw.get("parts"):
            self._parts[canonical] = frozenset(str(c).lower() for c in raw["parts"])
        guarded = {str(a) for a in raw.get("guarded", [])}
        cased = {str(a) for a in raw.get("cased", [])}
        self._cert_titles |= {_key(str(a)) for a in raw.get("as_title", [])}
        surfaces = [label, canonical, *[str(a) for a in raw.get("aliases", [])], *zh, *guarded, *cased]
        trie = self._tries[kind]
        index = self._alias_index[kind]
        ambiguous = {_key(a) for a in [*guarded, *cased, label] if a in guarded or a in cased or _short(a)}
        for surface in dict.fromkeys(surfaces):
            tokens = tokenize(surface)
            if not tokens:
                continue
            is_guarded = surface in guarded or (surface == label and label.lower() in {g.lower() for g in guarded})
            is_cased = surface in cased or _short(surface)
            if surface == canonical and surface != label and canonical in ambiguous:
                continue  # the lower-case id of an ambiguous name ("word", "go") is not itself a spelling to match
            entry = Entry(canonical, kind, is_guarded, tuple(t.raw for t in tokens) if is_cased else None)
            trie.add(surface, entry)
            self._surface_heads.setdefault((kind, canonical), set()).add(tokens[0].key)
            key = " ".join(t.key for t in tokens)
            if is_guarded or is_cased:
                self._ambiguous.add(key)
            else:
                self._spellings.setdefault((kind, canonical), []).append(surface)
            if key == _key(canonical):  # an id names its own entry, whichever file's alias spells it too ("CMMs")
                index[key] = canonical
            elif not is_guarded or surface == label:
                index.setdefault(key, canonical)
            if kind == "skill" and not is_guarded and not is_cased and not has_cjk(surface):
                self._stem_index.setdefault(tuple(stem(t.key) for t in tokens), canonical)

    # ---- skills --------------------------------------------------------------------------------------------
    def skills_in(self, text: str) -> list[Hit]:
        """Every skill mention, longest match first, no overlaps; ambiguous names only inside skill lists."""
        return self._scan("skill", text)

    def canonical_skill(self, term: str) -> str | None:
        """The canonical id for a skill name, alias, abbreviation, Chinese name or inflected form."""
        return self._canonical("skill", term)

    def find_term(self, term: str, text: str, memo: dict[tuple[str, str], Any] | None = None) -> Hit | None:
        """Where a keyword is mentioned: through the vocabulary, else by word stems within a short window.

        `memo` (the caller's, for one document) keeps each text's tokens, stems and scans and each term's tokens:
        coverage asks a dozen keywords of the same lines, and working each line out again for each keyword was
        most of its CPU.
        """
        if not text:
            return None
        memo = {} if memo is None else memo
        about = self._about(term, memo)
        if about.term == "":
            return None
        text_tokens = _tokens_of(text, memo)
        if about.known is not None:
            kind, canonical = about.known
            hits = memo.get((kind, text))
            if hits is None:
                hits = memo[(kind, text)] = self._scan(kind, text, text_tokens)
            for hit in hits:
                if hit.canonical == canonical:
                    return hit
            for hit in hits:
                if canonical in self.broader(hit.canonical):  # "GKE" proves "Kubernetes"
                    return hit
            inside = self._spelled_inside(
                kind, canonical, text, text_tokens, memo
            )  # "Kubernetes" in "Google Kubernetes Engine"
            if inside is not None:
                return inside
            if about.ambiguous or kind == "certification":
                return None  # "Go", "R", "React": stems would find the verb or the letter; "a CPA firm" no licence
        if about.cjk:
            # A Chinese name the vocabulary knows is found as written or with its two words swapped, never by its
            # words scattered about: "差异分析" is no more found in "分析料工费差异" than "variance analysis" (the
            # page's coverage asks one, the offline Match the other, and they disagreed), and "系统设计" is not in
            # "预约系统（课程设计".
            return self._find_substring(about.term, text, scattered=about.known is None)
        if not about.stems:
            return None
        stems, stemset = _stems_of(text, memo)
        if about.stems.isdisjoint(stemset):
            return None
        return self._find_stems(about, text, text_tokens, stems)

    def places(self, term: str, lines: Sequence[str], memo: dict[tuple[str, str], Any]) -> tuple[list[int], list[int]]:
        """Where find_term could find `term` among `lines`: the indexes of the lines, and of the pairs of
        neighbouring lines (i: lines i and i + 1 joined by a space); anywhere else it surely finds nothing.

        Decided from an index of what each line's tokens allow (kept in `memo`, find_term's for these lines):
        a known term needs a token that can begin one of its spellings (or a narrower skill's), a Chinese one
        its first two characters, any other all of its stems. Coverage looks only there: reading every line
        and every pair of lines for each keyword a resume lacks was three quarters of its CPU.
        """
        about = self._about(term, memo)
        if about.term == "" or not lines:
            return [], []
        index = _line_index(lines, memo)
        found: set[int] = set()
        if about.known is not None:
            heads = self._heads_proving(*about.known)
            for head in heads & index.by_form.keys():
                found |= index.by_form[head]
            if about.ambiguous:
                return _lines_and_pairs(found, set(), index)
        if about.cjk:
            start = about.term.lower()[:2]
            singles = {i for i, line in enumerate(lines) if start in line.lower()}
            pairs = {i for i in range(len(lines) - 1) if start in f"{lines[i]} {lines[i + 1]}".lower()}
            return _lines_and_pairs(found | singles, pairs, index)
        if not about.stems:
            return _lines_and_pairs(found, set(), index)
        holding = [index.by_stem.get(wanted, set()) for wanted in about.stems]
        singles = set.intersection(*holding)
        pairs = set.intersection(*(held | {i - 1 for i in held} for held in holding))
        return _lines_and_pairs(found | singles, pairs, index)

    def _heads_proving(self, kind: str, canonical: str) -> frozenset[str]:
        """Token keys a mention proving `canonical` can begin with: its spellings' and those of every skill
        narrower than it ("GKE" proves "Kubernetes"; see find_term)."""
        key = (kind, canonical)
        heads = self._proof_heads.get(key)
        if heads is None:
            if self._narrower is None:
                narrower: dict[str, set[str]] = {}
                for skill, broader in self._broader.items():
                    for wider in broader:
                        narrower.setdefault(wider, set()).add(skill)
                self._narrower = narrower
            found = set(self._surface_heads.get(key, ()))
            for skill in self._narrower.get(canonical, ()):
                found |= self._surface_heads.get((kind, skill), set())
            heads = self._proof_heads[key] = frozenset(found)
        return heads

    def _about(self, term: str, memo: dict[tuple[str, str], Any]) -> _TermFacts:
        about: _TermFacts | None = memo.get(("=term", term))
        if about is None:
            about = memo[("=term", term)] = self._about_term(term)
        return about

    def _about_term(self, term: str) -> _TermFacts:
        """What find_term needs of a keyword whatever the text: worked out once per keyword, not once per line."""
        term = " ".join(term.split())
        tokens = tokenize(term) if term else []
        known = self._known(term) if term else None
        return _TermFacts(
            term=term,
            known=known,
            ambiguous=known is not None and " ".join(t.key for t in tokens) in self._ambiguous,
            cjk=has_cjk(term),
            stems=frozenset(stem(t.key) for t in tokens if t.key not in _STOPWORDS),
        )

    def _known(self, term: str) -> tuple[str, str] | None:
        """(kind, canonical) of a term the vocabulary knows, cached: coverage asks the same keywords per line."""
        if term not in self._known_terms:
            if len(self._known_terms) > 10_000:
                self._known_terms.clear()
            found = None
            for kind in ("skill", "certification", "degree", "language"):
                canonical = self._canonical(kind, term)
                if canonical is not None:
                    found = (kind, canonical)
                    break
            self._known_terms[term] = found
        return self._known_terms[term]

    def _spelled_inside(
        self, kind: str, canonical: str, text: str, tokens: list[Token], memo: dict[tuple[str, str], Any]
    ) -> Hit | None:
        """A plain spelling of `canonical` written inside a longer known phrase, which the scan reports as that."""
        trie = self._spelling_tries.get((kind, canonical))
        if trie is None:
            trie = TermTrie()
            for surface in self._spellings.get((kind, canonical), []):
                trie.add(surface, Entry(canonical, kind))
            self._spelling_tries[(kind, canonical)] = trie
        if trie.first_keys().isdisjoint(_forms_of(text, memo)):
            return None  # no spelling can start in this text (the usual case: skip the scan)
        for match in trie.scan(text, tokens):
            if _other_sense(text, match.start, match.end):
                continue  # the word in its other sense ("under NP and MD preceptors"), as the scan drops it
            if kind != "certification" or self._counts_as_certificate(text, match.start, match.end):
                return Hit(canonical, text[match.start : match.end], match.start, match.end, kind)
        return None

    def _find_substring(self, term: str, text: str, scattered: bool = True) -> Hit | None:
        """A Chinese term as a substring; else its two-character words close together in any order, or (not
        `scattered`) only side by side the other way round: "部署模型" for "模型部署"."""
        canonical = self._canonical("skill", term) or term.lower()
        at = text.lower().find(term.lower())
        if at >= 0:
            return Hit(canonical, text[at : at + len(term)], at, at + len(term), "skill")
        if not _CJK_WORDS_RE.fullmatch(term):
            return None
        if not scattered:
            swapped = term[2:] + term[:2] if len(term) == 4 else ""
            at = text.find(swapped) if swapped else -1
            return Hit(canonical, swapped, at, at + 4, "skill") if at >= 0 else None
        words = [term[i : i + 2] for i in range(0, len(term), 2)]
        reach = len(term) + _CJK_WINDOW_EXTRA
        first = words[0]
        for m in re.finditer(re.escape(first), text):
            lo, hi = max(0, m.start() - reach), min(len(text), m.end() + reach)
            spots = [m.start()]
            for word in words[1:]:
                near = text.find(word, lo, hi)
                if near < 0:
                    break
                spots.append(near)
            else:
                start, end = min(spots), max(spots) + 2
                if end - start <= reach and not _CJK_BREAK_RE.search(text, start, end):
                    return Hit(canonical, text[start:end], start, end, "skill")
        return None

    def _find_stems(self, about: _TermFacts, text: str, tokens: list[Token], stems: list[str]) -> Hit | None:
        """The term's word stems close together in `text` (`stems`: those of its `tokens`)."""
        wanted = about.stems
        window = len(wanted) + (_STEM_WINDOW_EXTRA if len(wanted) > 1 else 0)
        # A practice named by one "-ing" word is met by the verb, not by the thing: "budgeted" is budgeting and
        # "tested" testing, but "a book of 85 accounts" is no accounting and "new markets" no marketing.
        practice = len(wanted) == 1 and about.term.lower().endswith("ing")
        for i, first in enumerate(stems):
            if first not in wanted or (practice and not tokens[i].key.endswith(("ing", "ed"))):
                continue
            if tokens[i].key in _RANGE_ENDS and _RANGE_END_BEFORE.search(
                text, max(0, tokens[i].start - 12), tokens[i].start
            ):
                continue  # "Jun 2020 – Present": a date range's end, no presentation
            seen = {first}
            last = i
            for j in range(i + 1, min(i + window, len(tokens))):
                if breaks(text, tokens[j - 1], tokens[j]) or len(seen) == len(wanted):
                    break
                if _LIST_SEPARATOR.search(text, tokens[j - 1].end, tokens[j].start):
                    break  # "Google Analytics 4, Meta Ads Manager": two items of a list, no "Google Ads"
                if stems[j] in wanted:
                    seen.add(stems[j])
                    last = j
            if len(seen) == len(wanted):
                start, end = tokens[i].start, tokens[last].end
                canonical = about.known[1] if about.known is not None else about.term.lower()
                return Hit(canonical, text[start:end], start, end, "skill")
        return None

    # ---- other kinds ---------------------------------------------------------------------------------------
    def languages_in(self, text: str) -> list[Hit]:
        """Spoken languages; a language naming a school or a subject ("Chinese University", "英语专业") is none."""
        return [h for h in self._scan("language", text) if not _NOT_A_LANGUAGE_RE.match(text, h.end)]

    def degrees_in(self, text: str) -> list[Hit]:
        """Degree mentions; canonical is the level: highschool|associate|bachelor|master|mba|doctor.

        A short form inside a skill ("MS" of "MS Office") is no degree.
        """
        hits = self._scan("degree", text)
        if not any(len(h.surface) <= 3 for h in hits):
            return hits
        # BACnet's "MS/TP" (master-slave/token-passing) is a field bus, no Master of Science
        hits = [h for h in hits if not (len(h.surface) <= 3 and text[h.end : h.end + 3].upper() == "/TP")]
        skills = [(s.start, s.end) for s in self.skills_in(text)]
        return [h for h in hits if not any(s <= h.start and h.end <= e for s, e in skills)]

    def certifications_in(self, text: str, *, listed: bool = False, known_only: bool = False) -> list[Hit]:
        """Known certifications, then "Certified X", "X Certification", "…证书", "…认证" where nothing known is.

        A name that also names a job ("审计师", "网络工程师") counts only on a line that speaks of certificates, or
        anywhere in a text that is a list of them (`listed`: a certificates section's lines); a name that names a
        firm ("a regional CPA firm", "Holt CPAs, LLC") never does. `known_only`: the vocabulary's names alone.
        """
        hits = self._scan("certification", text, listed=listed)
        if known_only:
            return hits
        taken = [(h.start, h.end) for h in hits]
        skills: list[tuple[int, int]] | None = None
        for word, pattern in _CERT_PATTERNS:
            for m in pattern.finditer(text) if word in text else ():
                start, end = self._trim_cert(text, m.start(), m.end())
                if end - start < 3 or any(s < end and start < e for s, e in taken):
                    continue
                surface = text[start:end]
                first = surface.split()[0].lower() if surface.split() else ""
                if (first in _CERT_GENERIC_LEADS and len(surface.split()) <= 2) or _NOT_A_CERT_RE.search(surface):
                    continue
                if word == "证" and _CERT_KNOWN_AFTER.match(text, end):
                    continue
                if word == "证" and surface[:1] in "（(" and not any(c in surface for c in "）)"):
                    continue  # "低压电工作业证（特种作业操作证）": the kind of the name before it, in its bracket
                if word != "证" and _COURSE_AFTER.match(text, end):
                    continue  # "Blackmagic Design Certified Trainer 课程结业": the course, finished; no certificate
                if skills is None:
                    skills = [(h.start, h.end) for h in self.skills_in(text)]
                if any(s <= start and end <= e for s, e in skills):
                    continue  # "身份认证" is authentication, a skill
                taken.append((start, end))
                hits.append(Hit(" ".join(surface.lower().split()), surface, start, end, "certification"))
        return sorted(hits, key=lambda h: h.start)

    def _series_continued(self, text: str, hits: list[Hit]) -> list[Hit]:
        """FINRA's exams listed after one "Series": "Series 7, 63 and 66" holds three licences."""
        out = list(hits)
        for hit in hits:
            if not hit.canonical.startswith("series "):
                continue
            at = hit.end
            while (more := _SERIES_TAIL.match(text, at)) is not None:
                canonical = f"series {more.group(1)}"
                if ("certification", canonical) in self._items:
                    out.append(Hit(canonical, f"Series {more.group(1)}", more.start(1), more.end(1), "certification"))
                at = more.end()
        return sorted(out, key=lambda h: h.start)

    def _counts_as_certificate(self, text: str, start: int, end: int, listed: bool = False) -> bool:
        """A certificate's name names one unless it names a firm ("a regional CPA firm"), or a job on a line that
        does not speak of certificates outside a list of them ("Journeyman Electrician - Commercial / TI")."""
        surface = text[start:end]
        if surface.endswith("s") and len(surface) > 2 and surface[:-1].isupper():
            return False  # "referrals from CPAs": the people who hold it
        if surface.endswith("ants") and self._canonical("certification", surface[:-1]) is not None:
            return False  # "Brennan & Walsh Chartered Accountants": a firm of people who hold it
        if _OTHERS_BEFORE.search(text, max(0, start - 60), start):
            return False  # "Mentor two associates through their Series 65 and CFP coursework": theirs
        return not _CERT_AS_FIRM.match(text, end) and (listed or not self.names_a_job(text, start, end))

    def names_a_job(self, text: str, start: int, end: int) -> bool:
        """The certificate's name at text[start:end] also names a job ("审计师") and its line does not speak of
        certificates: there, it is the job."""
        return _key(text[start:end]) in self._cert_titles and not _TITLE_CERT_CUE.search(_line_at(text, start))

    @staticmethod
    def _trim_cert(text: str, start: int, end: int) -> tuple[int, int]:
        changed = True
        while changed:
            changed = False
            for lead in _CERT_LEAD_WORDS:
                if text.startswith(lead, start) and end - start > len(lead) + 2:
                    start += len(lead)
                    changed = True
        return start, end

    def section_of(self, line: str) -> str | None:
        """The canonical section a heading line opens, or None when the line is not a known heading."""
        if len(line) > 80:
            return None
        normed = _norm_heading(line)
        found = self._sections.get(normed)
        if found is not None:
            return found
        compound = self._compound_heading(normed)
        if compound is not None:
            return compound
        if _KIND_OF_PROJECTS.fullmatch(normed) and _TITLE_CASED.fullmatch(line.strip().rstrip(":：")):
            return "projects"  # "CURRICULUM PROJECTS", "Engineering Projects": projects of a kind, no employers
        if _KIND_OF_EXPERIENCE.fullmatch(normed) and _TITLE_CASED.fullmatch(line.strip().rstrip(":：")):
            return "experience"
        bilingual = _BILINGUAL_HEADING.fullmatch(line.strip())
        if bilingual is not None:  # "Skills & Certificates 技能证书", "工作经历 Work Experience": the Chinese names it
            chinese = bilingual.group("zh1") or bilingual.group("zh2")
            english = _norm_heading(bilingual.group("en1") or bilingual.group("en2"))
            if self._sections.get(english) or self._compound_heading(english):  # "PMP证书" is a certificate's name
                return self._sections.get(_norm_heading(chinese))
        if any(mark in line for mark in "(（[【") and _ASIDE_RE.search(line):
            return self._sections.get(_norm_heading(_ASIDE_RE.sub(" ", line)))  # "Nice to Have (Preferred)"
        if "About" in line[:8] and _ABOUT_NAME_RE.match(line.strip()):
            return "about"  # "About Brightwell": the company's own words, not what the role asks
        return None

    def _compound_heading(self, normed: str) -> str | None:
        """ "Certifications / Licenses", "Tools & Skills": two or three known headings of one section, joined by a
        slash, a comma or "and", open that section (the lists name each pairing someone wrote; the next one is
        different)."""
        parts = [part.strip() for part in _HEADING_JOIN_RE.split(normed)]
        if len(parts) < 2 or len(parts) > 3 or not all(parts):
            return None
        found = {self._sections.get(part) for part in parts}
        return found.pop() if len(found) == 1 and None not in found else None

    def label(self, canonical: str, lang: str = "en") -> str:
        """Display name in the given language; the Chinese name falls back to the English one."""
        key = canonical.strip().lower()
        for kind in ("skill", "language", "degree", "certification"):
            item = self._items.get((kind, key))
            if item is not None:
                return item.label_zh if lang.startswith("zh") else item.label_en
        return canonical

    def label_as_written(self, canonical: str, written: str, lang: str = "en") -> str:
        """Display name of a skill a document writes as `written`. A Chinese label can be a category ("容器编排"
        for Kubernetes, "版本控制" for Git), so for Chinese a document's own Chinese term, or its one-word Latin
        name that is not a common English word or is written in capitals (a tool, a brand or an acronym, in the
        label's capitals when it is the same word), is shown instead."""
        shown = self.label(canonical, lang)
        written = written.strip()
        if not lang.startswith("zh") or not written:
            return shown
        if has_cjk(written):
            return written
        capitals = sum(ch.isupper() for ch in written)
        if " " in written or (is_common_word(written) and capitals < 2):
            return shown  # an English phrase or common word ("communication skills", "caching"): translated;
            # a name in capitals ("SaaS", "API") is shown as written
        english = self.label(canonical, "en")
        return english if english.casefold() == written.casefold() else written

    def written_label(self, canonical: str, line: str, lang: str = "en") -> str:
        """`label_as_written` for the skill as `line` writes it (the label when the line does not name it)."""
        hit = self.find_term(canonical, line) if line.strip() else None
        return self.label_as_written(canonical, hit.surface if hit is not None else "", lang)

    def broader(self, canonical: str) -> frozenset[str]:
        """Skills a mention of `canonical` also proves, transitively ("amazon eks" -> kubernetes, aws, ...)."""
        return self._broader.get(canonical.strip().lower(), frozenset())

    def suite_parts(self, canonical: str) -> frozenset[str]:
        """The products a suite bundles ("microsoft office": excel, word, powerpoint…); empty for anything else."""
        return self._parts.get(canonical.strip().lower(), frozenset())

    def languages_proved(self, canonical: str) -> list[str]:
        """Spoken languages a certificate proves: "CET-6" or "IELTS" English, "JLPT N2" Japanese."""
        return sorted(c for c in self.broader(canonical) if ("language", c) in self._items)

    def family(self, canonical: str) -> str:
        item = self._items.get(("skill", canonical.strip().lower()))
        return item.family if item is not None else "general"

    def knows(self, kind: str, canonical: str) -> bool:
        """Whether `canonical` is the id of an item of that kind ("certification", "cpa")."""
        return (kind, canonical) in self._items

    def canonicals(self, kind: str = "skill") -> list[str]:
        """Every canonical id of a kind (for reports and tests)."""
        return [c for (k, c) in self._items if k == kind]

    # ---- matching ------------------------------------------------------------------------------------------
    def _canonical(self, kind: str, term: str) -> str | None:
        tokens = tokenize(term)
        if not tokens:
            return None
        index = self._alias_index[kind]
        key = " ".join(t.key for t in tokens)
        if key in index:
            return index[key]
        if kind == "skill":
            found = [m for m in self._tries[kind].scan(term, tokens) if not m.entry.guarded]
            if len(found) == 1 and found[0].first == 0 and found[0].last == len(tokens):
                return found[0].entry.canonical
            if not has_cjk(term):
                return self._stem_index.get(tuple(stem(t.key) for t in tokens))
        return None

    def _scan(self, kind: str, text: str, tokens: list[Token] | None = None, *, listed: bool = False) -> list[Hit]:
        if not text:
            return []
        if tokens is None and len(text) >= _SHARED_TOKENS_MIN:
            tokens = _shared_tokens(text)
        matches = self._tries[kind].scan(text, tokens)
        if matches and ("@" in text or "://" in text or "www." in text):
            links = [(m.start(), m.end()) for m in _LINK_RE.finditer(text)]
            matches = [m for m in matches if not any(s <= m.start < e for s, e in links)]
        matches = [m for m in matches if not _other_sense(text, m.start, m.end)]
        if kind == "skill" and matches and any(word in text for word in _TEAM_WORDS):
            teams = [found.span(1) for pattern in _TEAMS_WORKED_WITH for found in pattern.finditer(text)]
            matches = [m for m in matches if not any(s <= m.start and m.end <= e for s, e in teams)]
        if any(m.end - m.start == 1 for m in matches):
            matches = [m for m in matches if not _initials_letter(text, m.start, m.end)]
        if any(m.end - m.start == 2 for m in matches):
            matches = [m for m in matches if not _region_after_city(text, m.start, m.end)]
            if any(text[m.start : m.end] in _MODEL_LETTERS for m in matches):
                matches = _without_model_letters(text, matches)
        if any(m.entry.guarded for m in matches):
            matches = [m for m in matches if not (m.entry.guarded and _YEAR_AFTER.match(text, m.end))]
            matches = self._drop_unlisted(text, matches)
        if kind == "certification" and matches:  # "a regional CPA firm", "高级审计师" under an employer: no certificate
            matches = [m for m in matches if self._counts_as_certificate(text, m.start, m.end, listed)]
        hits = [Hit(m.entry.canonical, text[m.start : m.end], m.start, m.end, m.entry.kind) for m in matches]
        if kind == "certification" and "eries" in text and any(h.canonical.startswith("series ") for h in hits):
            hits = self._series_continued(text, hits)
        if kind == "skill" and any(h.surface.lower() in _SENSE_BY_NEIGHBOURS for h in hits):
            hits = [_by_neighbours(text, h) for h in hits]
        return hits

    def _drop_unlisted(self, text: str, matches: list[Match]) -> list[Match]:
        """Keep a guarded match only when it sits in a list of skills (see the module docstring)."""
        ok = [
            not m.entry.guarded
            or self._after_list_label(text, m.start)
            or _beside_chinese(text, m.start, m.end)
            or _in_item_list(text, m.start)
            or _COMMAND_OF.search(text, max(0, m.start - 40), m.start) is not None
            for m in matches
        ]
        linked = [
            i > 0 and _LIST_GAP_RE.fullmatch(text, matches[i - 1].end, matches[i].start) is not None
            for i in range(len(matches))
        ]
        changed = True
        while changed:
            changed = False
            for i in range(len(matches)):
                if ok[i]:
                    continue
                if (linked[i] and ok[i - 1]) or (i + 1 < len(matches) and linked[i + 1] and ok[i + 1]):
                    ok[i] = changed = True
        return [m for m, keep in zip(matches, ok, strict=True) if keep]

    @staticmethod
    def _after_list_label(text: str, start: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        found = _LIST_LABEL_RE.match(text[line_start:start])
        return found is not None and _LIST_LABEL_WORDS.search(found.group(1)) is not None


# What a command of a language or framework is said with, right before the name: "Deep expertise in Go (or another
# systems language…)", "3+ years of experience with Spring", "proficient in Rails".
_COMMAND_OF = re.compile(
    r"\b(?:expertise|experience|proficiency|proficient|fluency|fluent|skilled|expert|background|hands-on)"
    r"\s+(?:in|with)\s+$",
    re.IGNORECASE,
)


# The teams a person works with ("与算法、研发、销售团队协作", "Partnered with Sales, Engineering and Customer
# Success teams"): what they do, not the writer's skills. Led ("带领销售团队", "Led the sales team") they are the
# writer's own work, and stay.
_TEAMS_WORKED_WITH = (
    re.compile(
        r"(?:与|同|跟|供|配合|协同|联合|对接|协调)[ \t]*"
        r"((?:[\u4e00-\u9fffA-Za-z]{1,6}[ \t]*[、/和及与][ \t]*){0,6}[\u4e00-\u9fffA-Za-z]{1,6})"
        r"[ \t]*(?:等)?(?:多个|各)?(?:团队|部门|同事)"
    ),
    re.compile(
        r"\b(?:with|alongside|across)[ \t]+(?:the[ \t]+|our[ \t]+)?"
        r"((?:[A-Za-z][\w&-]*(?:[ \t]+[A-Za-z][\w&-]*)?[ \t]*(?:,|/|&|\band\b)[ \t]*(?:and[ \t]+)?){0,5}"
        r"[A-Za-z][\w&-]*(?:[ \t]+[A-Za-z][\w&-]*)?)"
        r"[ \t]+(?:teams?|departments?|colleagues|counterparts|leads)\b",
        re.IGNORECASE,
    ),
)
_TEAM_WORDS = ("团队", "部门", "同事", "team", "department", "colleagues", "counterparts", "leads")


# "Pyxis MedStation ES": a model's letters after its product's name of two or more capitalised words, not
# Elasticsearch's short name. Words that are each a skill of their own ("Skills: MySQL Redis ES") are a list.
_MODEL_LETTERS = frozenset({"ES"})
_WORD_RE = re.compile(r"\S+")
_ITEM_BEFORE = re.compile(r"(?:^|(?<=[\n,，、;；/|·•(（:：]))[ \t]*((?:[A-Z][\w+.-]*[ \t]+){2,4})$")


def _without_model_letters(text: str, matches: list[Match]) -> list[Match]:
    spans = {(m.start, m.end) for m in matches}
    kept = []
    for m in matches:
        if text[m.start : m.end] in _MODEL_LETTERS:
            item = _ITEM_BEFORE.search(text, max(0, m.start - 60), m.start)
            if item is not None:
                words = _WORD_RE.finditer(text, item.start(1), item.end(1))
                if not all((w.start(), w.end()) in spans for w in words):
                    continue
        kept.append(m)
    return kept


def _region_after_city(text: str, start: int, end: int) -> bool:
    return (
        text[start:end] in _REGION_CODES
        and _CITY_BEFORE.search(text, max(0, start - 40), start) is not None
        and _LIST_GOES_ON.match(text, end) is None
    )


# A whole document is scanned for skills, languages, degrees and certifications in turn (the reader, the grounding
# check's evidence): its tokens are made once. Read-only once made; short texts are cheaper to tokenize than to look up.
_SHARED_TOKENS_MIN = 400


@lru_cache(maxsize=16)
def _shared_tokens(text: str) -> list[Token]:
    return tokenize(text)


# A document's line facts, kept in the caller's memo (see Vocabulary.find_term): coverage asks a dozen keywords
# of the same lines.
_NAME_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][A-Za-z'-]+ $")


def _initials_letter(text: str, start: int, end: int) -> bool:
    """A letter in brackets glued to the word before it, or the first of dotted initials, is a credential's or a
    mark's, not a language: the "R" of "R.T.(R)(ARRT)" (a registered radiographer), of "Microsoft Office(R)"; so is
    a middle initial."""
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha():
        return True  # "R.T.", "R.N.": the first of a credential's initials
    if text[end : end + 2] == ". " and text[end + 2 : end + 3].isupper() and _NAME_BEFORE.search(text, 0, start):
        return True  # "Megan R. Kowalski": a middle initial
    return start >= 2 and text[start - 1] == "(" and not text[start - 2].isspace() and text[end : end + 1] == ")"


def _tokens_of(text: str, memo: dict[tuple[str, str], Any]) -> list[Token]:
    tokens = memo.get(("", text))
    if tokens is None:
        tokens = memo[("", text)] = tokenize(text)
    return tokens


def _keys_of(text: str, memo: dict[tuple[str, str], Any]) -> list[str]:
    """The text's token keys, from its tokens when the memo has them (see termtrie.token_keys)."""
    keys = memo.get(("=keys", text))
    if keys is None:
        tokens = memo.get(("", text))
        keys = memo[("=keys", text)] = [t.key for t in tokens] if tokens is not None else token_keys(text)
    return keys


def _forms_of(text: str, memo: dict[tuple[str, str], Any]) -> frozenset[str]:
    """Every form the text's tokens may take to meet a phrase's first token (see termtrie.variants)."""
    forms = memo.get(("=forms", text))
    if forms is None:
        forms = memo[("=forms", text)] = frozenset(form for key in _keys_of(text, memo) for form in variants(key))
    return forms


def _stems_of(text: str, memo: dict[tuple[str, str], Any]) -> tuple[list[str], frozenset[str]]:
    """The stems of the text's tokens, in their order, and as a set."""
    stems = memo.get(("=stems", text))
    if stems is None:
        stems = memo[("=stems", text)] = [stem(key) for key in _keys_of(text, memo)]
        memo[("=stemset", text)] = frozenset(stems)
    return stems, memo[("=stemset", text)]


@dataclass
class _LineIndex:
    """Which lines hold each token form and each stem (see Vocabulary.places)."""

    lines: Sequence[str]
    by_form: dict[str, set[int]]
    by_stem: dict[str, set[int]]
    joined_words: set[int]  # pairs whose join makes a lone "&" a word: always looked in


def _line_index(lines: Sequence[str], memo: dict[tuple[str, str], Any]) -> _LineIndex:
    index: _LineIndex | None = memo.get(("=index", ""))
    if index is not None and index.lines is lines:
        return index
    by_form: dict[str, set[int]] = {}
    by_stem: dict[str, set[int]] = {}
    for i, line in enumerate(lines):
        for form in _forms_of(line, memo):
            by_form.setdefault(form, set()).add(i)
        for word_stem in _stems_of(line, memo)[1]:
            by_stem.setdefault(word_stem, set()).add(i)
    joined = {i for i in range(len(lines) - 1) if lines[i].endswith("&") or lines[i + 1].startswith("&")}
    index = memo[("=index", "")] = _LineIndex(lines, by_form, by_stem, joined)
    return index


def _lines_and_pairs(singles: set[int], pairs: set[int], index: _LineIndex) -> tuple[list[int], list[int]]:
    """A pair holds whatever either of its lines does; pairs run from 0 to len(lines) - 2."""
    last = len(index.lines) - 2
    pairs = pairs | singles | {i - 1 for i in singles} | index.joined_words
    return sorted(singles), sorted(i for i in pairs if 0 <= i <= last)


def _in_item_list(text: str, start: int) -> bool:
    """The line is a list of short items, as a skills section writes one with no label: "Salesforce (Sales Cloud),
    Gong, Outreach, LinkedIn Sales Navigator, Clari, MEDDICC". Four items or more, nearly all a few words that
    open with a capital (a sentence's commas part lower-case words)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return _item_list_line(text[line_start : len(text) if line_end < 0 else line_end])


@lru_cache(maxsize=256)
def _item_list_line(line: str) -> bool:
    """`_in_item_list` for one line, once per line: a skills line names hundreds of guarded spellings."""
    items = [item.strip() for item in ITEM_BREAK.split(line)]
    items = [item for item in items if item]
    short = sum(1 for item in items if len(item.split()) <= 4 and len(item) <= 40)
    named = sum(1 for item in items if not item[:1].islower())  # names, not "and then home"
    return len(items) >= 4 and short >= 0.8 * len(items) and named >= 0.75 * len(items)


def _beside_chinese(text: str, start: int, end: int) -> bool:
    """Chinese prose has no English verb "go" or season "Spring": a Latin name written beside it is the tool."""
    before = text[:start].rstrip(" ")[-1:]
    after = text[end:].lstrip(" ")[:1]
    return has_cjk(before + after)


def _closure(edges: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for start in edges:
        seen: set[str] = set()
        todo = list(edges[start])
        while todo:
            node = todo.pop()
            if node not in seen and node != start:
                seen.add(node)
                todo.extend(edges.get(node, ()))
        out[start] = frozenset(seen)
    return out


def _longest_first(values: Iterable[str]) -> tuple[str, ...]:
    """Suffixes are tried in order, so "股份有限公司" must come before "公司"."""
    return tuple(sorted({v.strip() for v in values if v.strip()}, key=lambda v: (-len(v), v)))


def _short(surface: str) -> bool:
    """Names made of one- or two-letter pieces ("R", "ML", "BE", "M&A") are words or initials in other hands:
    match them only as written."""
    tokens = tokenize(surface)
    return bool(tokens) and all(len(t.key) <= 2 and t.key.isalpha() and t.key.isascii() for t in tokens)


def _line_at(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end]


def _key(surface: str) -> str:
    return " ".join(t.key for t in tokenize(surface))


def load_data(directory: Path = VOCAB_DIR) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.json")):
        data[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def get_vocabulary() -> Vocabulary:
    """The vocabulary from knowledge/vocab/, loaded on first use and kept for the process."""
    return Vocabulary(load_data())
