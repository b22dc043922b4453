"""The connecting words of every offline result, in Chinese and English.

Only these words are the engine's own; every fact placed into them comes from the user's documents, the
job description or the knowledge base. Keeping them in one table makes that boundary easy to review.
"""

from __future__ import annotations

import re
import string

from core.kinds import normalize_lang

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "list_sep": "; ",
        "and": " and ",
        "quote": "“{text}”",
        "at": "{title} at {org}",
        "latest_as": "as {role}",
        "latest_at": "at {role}",
        "since": " (since {start})",
        "strength_skill": "{label}: {quote}",
        "strength_line": "Relevant experience: {quote}",
        "strength_years": "About {have} years of dated roles, the latest {role}{since}, meet the {years}+ years the "
        "role asks for",
        "strength_degree": "Education: {line}",
        "gap_missing": "{label} is required but not shown in your documents",
        "gap_missing_nice": "{label} (preferred) is not shown in your documents",
        "gap_in_progress": "{label} is required; your documents show it in progress: {quote}",
        "gap_in_progress_nice": "{label} (preferred): your documents show it in progress: {quote}",
        "gap_lapsed": "{label} is required; your documents show it no longer current: {quote}",
        "gap_not_held": "{label} is required; your documents say it is not held: {quote}",
        "gap_not_held_nice": "{label} (preferred): your documents say it is not held: {quote}",
        "action_not_held": "Say so plainly if asked, and whether and when you mean to earn it; never write it as held",
        "gap_lapsed_nice": "{label} (preferred): your documents show it no longer current: {quote}",
        "action_lapsed": "Renew it if you can and say when; until then write it as your resume does, never as current",
        "action_in_progress": "Say where you stand and when you expect to finish, as your resume does; never present "
        "it as held",
        "gap_detailed": "{label} is in your career history but not on your resume",
        "gap_years": "The role asks for {years}+ years of experience; your dated roles add up to about {have}",
        "gap_degree": "The role asks for a {need} degree; your documents show {have}",
        "gap_sponsorship": "The posting sponsors no visas ({posting}); your resume says you will need sponsorship "
        "({mine})",
        "action_sponsorship": "Ask the recruiter before you apply whether this is firm for your case; no resume "
        "change closes it, so put your time first into roles that sponsor",
        "degree_none": "none",
        "action_detailed": "Bring it onto your resume with your own line: {quote}",
        "action_default": "Build one concrete, verifiable example of {label} (a small project or a course with a "
        "result) and say honestly where you stand",
        "action_credential": "If you hold {label}, add it to your resume as the certificate reads (issuer and "
        "date); if you do not, say so honestly and, where the role needs it, when you could take it",
        "action_language": "Write on your resume the languages you work in and your level in each (a test and its "
        "score, or how you use it at work); if you do not speak the one asked, say so honestly",
        "action_soft": "Prepare one story from your own work that shows {label}: the situation, what you did and "
        "the result, and add its line to your resume",
        "action_soft_each": "Prepare one story from your own work for each of {label}: the situation, what you did "
        "and the result, and add their lines to your resume",
        "action_years": "Put your most relevant roles and projects first, each with its dates and a measured result, "
        "and state your years plainly rather than stretching them",
        "action_degree": "State the degree you hold plainly, put the work that stands in for the {need} degree first, "
        "and ask whether equivalent experience is accepted",
        "action_kb": "{advice}",
        "conclusion": "Offline estimate {score}/100: {covered} of {total} required skills shown in your "
        "documents{extra}.",
        "conclusion_extra": "; main gap: {gap}",
        "formula": "score = {w_skills}% × skills {skills} + {w_exp}% × experience {exp} + {w_edu}% × education {edu} "
        "= {score}. Skills: required keywords count 2, preferred 1; found on the resume 1, only in the career "
        "history 0.5. Experience: years from your dated roles{as_of} (internships not counted) ÷ years "
        "required{years_note}. Education: 100 when your degree reaches the one asked, 50 one level below, "
        "otherwise 0{degree_note}.",
        "formula_years_none": " (none stated: 100 with dated roles, else 50)",
        "formula_years": " ({years})",
        "formula_degree_none": " (none asked: 100)",
        "formula_degree": " (asked: {degree})",
        "formula_as_of": " counted to {as_of}",
        "pitch_open": "Hello, I'm {name}.",
        "pitch_open_noname": "Hello,",
        "pitch_now": " I'm {role}.",
        "pitch_past": " Most recently I was {role}.",
        "pitch_now_org": " I work at {role}.",
        "pitch_past_org": " Most recently I worked at {role}.",
        "pitch_apply": " I'm interested in the {job} role{company}.",
        "pitch_company": " at {company}",
        "pitch_facts": " Relevant to it: {facts}.",
        "pitch_skills": " I work with {skills}.",
        "pitch_certs": " I hold {certs}.",
        "pitch_close": " I'd welcome a short conversation. Thank you!",
        "md_summary": "Summary",
        "md_skills": "Skills",
        "md_experience": "Experience",
        "md_projects": "Projects",
        "md_education": "Education",
        "md_certifications": "Certifications",
        "md_languages": "Languages",
        "md_activities": "Leadership & activities",
        "md_awards": "Awards",
        "md_publications": "Publications",
        "md_more": "More from my career history",
        "intro_open": "Hello, I'm {name}.",
        "intro_open_noname": "Hello, thank you for having me.",
        "intro_now": " I'm currently {role}{since}.",
        "intro_past": " Most recently I was {role}{since}.",
        "intro_now_org": " I currently work at {role}{since}.",
        "intro_past_org": " Most recently I worked at {role}{since}.",
        "intro_relevant": " What I've done that fits this {job} role: {facts}.",
        "intro_relevant_untitled": " What I've done that fits this role: {facts}.",
        "intro_skills": " My core skills include {skills}.",
        "intro_close": " That's why I'm interested in this role{company}, and I'm happy to expand on any of it.",
        "intro_company": " at {company}",
        "intro_role_block": " At {org}, as {title}{dates}: {facts}.",
        "intro_untitled_block": " At {org}{dates}: {facts}.",
        "intro_title_block": " As {title}{dates}: {facts}.",
        "intro_education": " I studied at {school}{degree}.",
        "intro_education_ongoing": " I am currently studying at {school}{degree}.",
        "intro_background": " A little more about my background:",
        "dates": " ({start} – {end})",
        "one_date": " ({date})",
        "present": "present",
        "q_skill": "Tell me about your work with {label}. What was the result?",
        "q_gap": "This role needs {label}. How would you get up to speed?",
        "q_credential": "This role asks for {label}. Do you hold it, or when could you?",
        "two_languages": "more than one language",
        "q_language": "This role asks you to work in {label}. What is your level, and where have you used it?",
        "o_language": "Give your level plainly (a test and its score, or where you use {label} at work); if you "
        "do not speak it at that level, say so",
        "q_in_progress": "This role needs {label}. Where do you stand, and when will you have it?",
        "o_in_progress": "Your resume says {quote}: give the parts done, the dates ahead, and what you do meanwhile",
        "q_resp": "How would you approach this part of the role: {text}",
        "q_why": "Why are you interested in the {job} role{company}?",
        "q_why_untitled": "Why are you interested in this role{company}?",
        "o_proof": "Your example: {quote}",
        "o_star": "Walk through it as situation, task, action, result; give the number your resume gives",
        "o_star_no_figure": "Walk through it as situation, task, action, result; your resume gives no result for it, "
        "so prepare one you can back up",
        "o_status": "Say honestly where you stand with {label}",
        "o_credential": "Say plainly whether you hold {label}; if not, when you could and what you hold instead",
        "o_nearest": "Nearest evidence: {quote}",
        "o_plan": "Plan: {advice}",
        "o_related": "Related experience: {quote}",
        "o_link": "Link it to what the role says: {text}",
        "o_why_fact": "Connect your strongest fact: {quote}",
        "star_situation": "At {org} as {title}{dates}",
        "star_situation_no_org": "As {title}{dates}",
        "star_situation_no_title": "In {org}{dates}",
        "star_situation_project": "In the {name}{dates}",
        "star_result_missing": "Not in your resume: prepare a result you can back up (a number, a launch, feedback)",
        "star_task": "The role asks for {label}",
        "star_task_generic": "What the role asks for: {text}",
        "ask_resp": "What does success look like in the first months for: {text}",
        "ask_generic_1": "What would you expect me to deliver in the first three months?",
        "ask_generic_2": "How does the team work together day to day?",
    },
    "zh": {
        "list_sep": "；",
        "and": "和",
        "quote": "“{text}”",
        "at": "{org}{title}",
        "latest_as": "为{role}",
        "latest_at": "在{role}",
        "since": "（{start}至今）",
        "strength_skill": "{label}：{quote}",
        "strength_line": "相关经历：{quote}",
        "strength_years": "有日期的经历合计约{have}年，最近一段{role}{since}，满足岗位要求的{years}年以上经验",
        "strength_degree": "教育背景：{line}",
        "gap_missing": "岗位要求{label}，但你的材料中没有体现",
        "gap_missing_nice": "加分项{label}在你的材料中没有体现",
        "gap_in_progress": "岗位要求{label}，你的材料显示尚在考取中：{quote}",
        "gap_in_progress_nice": "加分项{label}：你的材料显示尚在考取中：{quote}",
        "gap_lapsed": "岗位要求{label}，你的材料显示该证书已不在有效期内：{quote}",
        "gap_not_held": "岗位要求{label}，你的材料显示尚未取得：{quote}",
        "gap_not_held_nice": "加分项{label}：你的材料显示尚未取得：{quote}",
        "action_not_held": "如被问到请如实说明，以及是否、何时计划考取；不要写成已持有",
        "gap_lapsed_nice": "加分项{label}：你的材料显示该证书已不在有效期内：{quote}",
        "action_lapsed": "如能续证请说明预计时间；在此之前按简历原样写明已过期，不要写成有效",
        "action_in_progress": "如实说明进度和预计取得时间，与简历写法一致；不要写成已经持有",
        "gap_detailed": "{label}出现在你的详细履历中，但简历上没有",
        "gap_years": "岗位要求{years}年以上经验，你有日期的经历合计约{have}年",
        "gap_degree": "岗位要求{need}学历，你的材料显示{have}",
        "gap_sponsorship": "岗位不提供签证担保（{posting}），你的简历写明需要签证担保（{mine}）",
        "action_sponsorship": "投递前先向招聘方确认这一点对你是否没有例外；改简历无法弥补，"
        "请优先投递提供签证担保的岗位",
        "degree_none": "未注明",
        "action_detailed": "把你自己的这条经历写进简历：{quote}",
        "action_default": "为{label}准备一个具体、可验证的例子（小项目或有成果的课程），面试时如实说明现状",
        "action_credential": "如果你已持有{label}，按证书原样（发证机构、日期）写进简历；如果没有，如实说明，"
        "岗位需要的话说明计划何时考取",
        "action_language": "在简历中写明你能用于工作的语言和水平（考试及成绩，或工作中的使用情况）；"
        "如果不会岗位要求的语言，如实说明",
        "action_soft": "从你自己的经历中准备一个体现{label}的具体事例（情境、行动、结果），并把它写进简历",
        "action_soft_each": "为{label}各准备一个你自己经历中的具体事例（情境、行动、结果），并把它们写进简历",
        "action_years": "把最相关的经历和项目放在前面，写清起止时间和可衡量的成果，如实说明工作年限，不要拉长",
        "action_degree": "如实写明你的学历，把能弥补{need}学历要求的工作成果放在前面，并询问是否接受同等经验",
        "action_kb": "{advice}",
        "conclusion": "离线评估{score}/100：{total}项必备技能中，你的材料体现了{covered}项{extra}。",
        "conclusion_extra": "；主要差距：{gap}",
        "formula": "得分 = {w_skills}% × 技能 {skills} + {w_exp}% × 经验 {exp} + {w_edu}% × 学历 {edu} = {score}。"
        "技能：必备关键词计2分，加分项计1分；简历中有计1，仅在详细履历中有计0.5。"
        "经验：有日期的经历年数{as_of}（不含实习）÷ 要求年数{years_note}。"
        "学历：达到要求为100，低一级为50，否则为0{degree_note}。",
        "formula_years_none": "（未写明：有日期的经历为100，否则为50）",
        "formula_years": "（{years}年）",
        "formula_degree_none": "（未要求：100）",
        "formula_degree": "（要求：{degree}）",
        "formula_as_of": "（计至{as_of}）",
        "pitch_open": "您好，我是{name}。",
        "pitch_open_noname": "您好！",
        "pitch_now": "目前是{role}。",
        "pitch_past": "最近一段经历是{role}。",
        "pitch_now_org": "目前就职于{role}。",
        "pitch_past_org": "最近一段经历在{role}。",
        "pitch_apply": "看到{company}{job}岗位，很感兴趣。",
        "pitch_company": "贵司",
        "pitch_facts": "我的相关经历：{facts}。",
        "pitch_skills": "熟悉{skills}。",
        "pitch_certs": "持有{certs}。",
        "pitch_close": "期待有机会进一步沟通，谢谢！",
        "md_summary": "个人简介",
        "md_skills": "专业技能",
        "md_experience": "工作经历",
        "md_projects": "项目经历",
        "md_education": "教育背景",
        "md_certifications": "证书",
        "md_languages": "语言",
        "md_activities": "学生工作与活动",
        "md_awards": "荣誉奖项",
        "md_publications": "论文与专利",
        "md_more": "详细履历中的相关经历",
        "intro_open": "面试官您好，我是{name}。",
        "intro_open_noname": "面试官您好，感谢您的时间。",
        "intro_now": "目前是{role}{since}。",
        "intro_past": "最近一段经历是{role}{since}。",
        "intro_now_org": "目前就职于{role}{since}。",
        "intro_past_org": "最近一段经历在{role}{since}。",
        "intro_relevant": "和{job}岗位相关的经历有：{facts}。",
        "intro_relevant_untitled": "和这个岗位相关的经历有：{facts}。",
        "intro_skills": "我的核心技能包括{skills}。",
        "intro_close": "所以我很希望{company}这个岗位，也很乐意展开介绍其中任何一段经历。",
        "intro_company": "加入{company}，担任",
        "intro_company_none": "争取",
        "intro_role_block": "在{org}担任{title}{dates}期间：{facts}。",
        "intro_untitled_block": "在{org}{dates}期间：{facts}。",
        "intro_title_block": "担任{title}{dates}期间：{facts}。",
        "intro_education": "我毕业于{school}{degree}。",
        "intro_education_ongoing": "我目前在{school}就读{degree}。",
        "intro_background": "下面简单介绍一下我的经历：",
        "dates": "（{start} – {end}）",
        "one_date": "（{date}）",
        "present": "至今",
        "q_skill": "请举一个能体现你{label}经验的例子，结果如何？",
        "q_gap": "这个岗位需要{label}，你打算如何快速上手？",
        "q_credential": "这个岗位要求{label}，你是否持有？如果没有，预计何时能取得？",
        "two_languages": "多种语言",
        "q_language": "这个岗位需要用{label}工作，你的水平如何？在哪些场合用过？",
        "o_language": "直接说明你的{label}水平（考试及成绩，或工作中如何使用）；如果达不到工作水平，如实说明",
        "q_in_progress": "这个岗位需要{label}，你目前进度如何，预计什么时候取得？",
        "o_in_progress": "简历写的是{quote}：说明已通过的部分、后续考试时间，以及在此之前你能做什么",
        "q_resp": "你会如何开展这项工作：{text}",
        "q_why": "你为什么对{company}{job}岗位感兴趣？",
        "q_why_untitled": "你为什么对{company}这个岗位感兴趣？",
        "o_proof": "你的例子：{quote}",
        "o_star": "按情境、任务、行动、结果来讲，说出简历里写的数字",
        "o_star_no_figure": "按情境、任务、行动、结果来讲；简历里没有写结果，面试前想好一个经得起追问的结果",
        "o_status": "如实说明你在{label}方面的现状",
        "o_credential": "直接说明是否持有{label}；如果没有，说明预计何时能取得，以及你持有的相关证书",
        "o_nearest": "最接近的经历：{quote}",
        "o_plan": "计划：{advice}",
        "o_related": "相关经历：{quote}",
        "o_link": "联系岗位要求：{text}",
        "o_why_fact": "结合你最强的一条经历：{quote}",
        "star_situation": "在{org}担任{title}{dates}",
        "star_situation_no_org": "担任{title}{dates}",
        "star_situation_no_title": "在{org}{dates}",
        "star_situation_project": "在{name}中{dates}",
        "star_result_missing": "简历里没有写：面试前想好一个经得起追问的结果（数字、上线情况或反馈）",
        "star_task": "岗位要求{label}",
        "star_task_generic": "岗位要求：{text}",
        "ask_resp": "这项工作在入职前几个月怎样算做得好：{text}",
        "ask_generic_1": "您希望这个岗位的人在前三个月交付哪些成果？",
        "ask_generic_2": "团队日常是如何协作的？",
    },
}


def lang_of(lang: str) -> str:
    """'zh-CN' -> 'zh'; anything not Chinese is English."""
    return normalize_lang(lang)


_FORMATTER = string.Formatter()
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


def t(lang: str, key: str, **values: object) -> str:
    """The template `key` in `lang`, filled with `values`. Two values a Chinese template sets side by side
    ("{org}{title}") are kept apart by a space where both are Latin at the seam: "Stripe Senior Software Engineer",
    not "StripeSenior Software Engineer"; "字节跳动高级后端工程师" stays as it is. A value ending with its own
    full stop ("B.A.", "etc.") takes the place of the template's after it."""
    out: list[str] = []
    for literal, field, spec, _conversion in _FORMATTER.parse(TEXT[lang_of(lang)][key]):
        if literal:
            if literal.startswith(".") and out and out[-1].endswith("."):  # "B.A." + "." is "B.A.", never "B.A.."
                literal = literal[1:]
            if literal:
                out.append(literal)
        if field is None:
            continue
        value = format(values[field], spec or "")
        if out and not literal and _LATIN_END.search(out[-1]) and _LATIN_START.match(value):
            out.append(" ")
        out.append(value)
    return "".join(out)


def span(lang: str, start: str, end: str) -> str:
    """A role's dates inside a sentence: " (2023-09 – 2024-05)", or one date for a role within one term or month
    (" (2024)" for "Summer 2024", never "2024 – 2024")."""
    return t(lang, "one_date", date=start) if start == end else t(lang, "dates", start=start, end=end)
