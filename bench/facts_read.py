"""Reader benchmark: `python -m bench.facts_read` prints `name: value unit` lines.

Cost per document of `read_document` on generated resumes of 1, 3 and 10 pages (about 45 lines a page, English
and Chinese pages alternating, bullets with numbers and dates as real resumes have), median and p95 in ms over
repeated runs after one warm-up (the vocabulary loads once per process and is not counted). Wall time and the
process's CPU time are both printed: on a shared machine the CPU figure is the one that does not depend on load.
Then the CPU per page of a megabyte (400 pages) over that of 20 pages: near 1 when reading is linear.
"""

from __future__ import annotations

import random
import statistics
import time

from core.facts.read import read_document

RUNS = 30
_EN_ROLE = """{org} — {title}   {y1}.0{m1} – {y2}.0{m2}
• Led {n} engineers to migrate {k} services to Kubernetes, cutting deploy time by {p}%.
• Built a fraud model in Python and SQL that saved ${d}M a year across {k} markets.
• Scaled the ledger API to {x}x traffic using PostgreSQL, Redis and Kafka.
• Mentored {n} junior developers; ran {k} design reviews a quarter with product and design.
"""
_ZH_ROLE = """{y1}.0{m1}-{y2}.0{m2} {zorg} {ztitle}
负责推荐系统服务端开发，带领 {n} 人团队，将单体拆分为{k}个微服务
使用Go和Kubernetes，接口延迟降低{p}%，日均处理请求{d}亿次
主导数据平台建设，效率提升{x}倍
"""
_HEAD = """Jane Doe
Seattle, WA | jane.doe@example.com | (206) 555-0142 | linkedin.com/in/janedoe
SUMMARY
Backend engineer with 8 years building payment systems in Python and Go.
PROFESSIONAL EXPERIENCE
"""
_TAIL = """EDUCATION
University of Washington
B.S. in Computer Science, 2012 – 2016, GPA 3.8/4.0
SKILLS
Skills: Python, Go, Kubernetes, PostgreSQL, Redis, AWS, Terraform, Docker
"""


def _page(rng: random.Random, chinese: bool) -> str:
    roles = []
    for _ in range(8):
        values = {
            "org": rng.choice(["Acme Corp", "Globex Inc", "Initech LLC", "Umbrella Corp"]),
            "title": rng.choice(["Senior Software Engineer", "Data Analyst", "Product Manager"]),
            "zorg": rng.choice(["字节跳动", "百度在线网络技术有限公司", "美团"]),
            "ztitle": rng.choice(["高级后端工程师", "数据分析师", "产品经理"]),
            "y1": rng.randint(2005, 2015), "y2": rng.randint(2016, 2024), "m1": rng.randint(1, 9),
            "m2": rng.randint(1, 9), "n": rng.randint(2, 20), "k": rng.randint(2, 40), "p": rng.randint(5, 90),
            "d": rng.randint(1, 9), "x": rng.randint(2, 9),
        }  # fmt: skip
        roles.append((_ZH_ROLE if chinese else _EN_ROLE).format(**values))
    return "".join(roles)


def document(pages: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return _HEAD + "".join(_page(rng, chinese=i % 2 == 1) for i in range(pages)) + _TAIL


def main() -> None:
    read_document(document(1), "resume")  # warm-up: vocabulary load and regex compilation
    for pages in (1, 3, 10):
        text = document(pages)
        samples, cpu = [], []
        for _ in range(RUNS):
            started, started_cpu = time.perf_counter(), time.process_time()
            read_document(text, "resume")
            samples.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        samples.sort()
        p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
        print(f"read_document_{pages}p_lines: {len(text.splitlines())} lines", flush=True)
        print(f"read_document_{pages}p_median: {statistics.median(samples):.3g} ms", flush=True)
        print(f"read_document_{pages}p_p95: {p95:.3g} ms", flush=True)
        print(f"read_document_{pages}p_cpu_median: {statistics.median(cpu):.3g} ms", flush=True)
        print(f"read_document_{pages}p_per_page_median: {statistics.median(samples) / pages:.3g} ms", flush=True)
    # Linear time: a megabyte (400 pages) against 20 pages of the same text, CPU per page of each.
    per_page = {}
    for pages in (20, 400):
        started_cpu = time.process_time()
        read_document(document(pages), "resume")
        per_page[pages] = (time.process_time() - started_cpu) * 1000 / pages
    print(f"read_document_400p_cpu_per_page: {per_page[400]:.3g} ms", flush=True)
    print(f"read_document_400p_over_20p_per_page: {per_page[400] / per_page[20]:.3g} ratio (linear = 1)", flush=True)


if __name__ == "__main__":
    main()
