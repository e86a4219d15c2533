#!/usr/bin/env python3
"""Generates a static government-style site for the link-checker benchmark.

About 20,000 HTML pages (home, column pages, articles), about 1,000 images and attachments, and a known set of
broken links: links to articles, images and attachments that were never written. Writes the expected broken
URLs (paths) to expected-broken.txt next to the site.
Usage: gen_site.py OUT_DIR [PAGES]
"""
import os
import random
import sys

out = sys.argv[1]
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
rng = random.Random(20261122)
columns = 200
articles = pages - 1 - columns
per_column = (articles + columns - 1) // columns
images, attachments = 600, 400
EXT = ["pdf", "doc", "xls", "docx", "zip"]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ff"
                    "ff3f0005fe02fea7d6a4b60000000049454e44ae426082")

os.makedirs(os.path.join(out, "col"), exist_ok=True)
os.makedirs(os.path.join(out, "art"), exist_ok=True)
os.makedirs(os.path.join(out, "img"), exist_ok=True)
os.makedirs(os.path.join(out, "files"), exist_ok=True)

broken = set()
missing_images = set(rng.sample(range(images), 30))
missing_files = set(rng.sample(range(attachments), 20))
for i in range(images):
    if i in missing_images:
        broken.add(f"/img/{i}.png")
    else:
        with open(os.path.join(out, "img", f"{i}.png"), "wb") as f:
            f.write(PNG)
for i in range(attachments):
    name = f"/files/{i}.{EXT[i % len(EXT)]}"
    if i in missing_files:
        broken.add(name)
    else:
        with open(out + name, "wb") as f:
            f.write(b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(2048)))


def page(title, body):
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
            "<div class=\"nav\"><a href=\"/index.html\">首页</a> <a href=\"/col/0.html\">政务公开</a> "
            "<a href=\"/col/1.html\">政务服务</a></div>" + body +
            "<div class=\"footer\">主办单位：某某市人民政府办公室 网站标识码：3301000001</div></body></html>")


with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
    f.write(page("某某市人民政府", "".join(f"<a href=\"/col/{c}.html\">栏目{c}</a> " for c in range(columns))))

art = 0
dead_articles = 0
for c in range(columns):
    links = []
    for k in range(per_column):
        if art >= articles:
            break
        links.append(f"<li><a href=\"/art/{art}.html\">第{art}号通知</a></li>")
        art += 1
    with open(os.path.join(out, "col", f"{c}.html"), "w", encoding="utf-8") as f:
        f.write(page(f"栏目{c}", "<ul>" + "".join(links) + "</ul>"))

for a in range(articles):
    body = [f"<h1>第{a}号通知</h1><p>" + "根据工作安排，现将有关事项通知如下。" * 5 + "</p>"]
    body.append(f"<a href=\"/col/{a // per_column}.html\">返回栏目</a>")
    if a + 1 < articles:
        body.append(f"<a href=\"/art/{a + 1}.html\">下一篇</a>")
    if a % 20 == 0:
        body.append(f"<img src=\"/img/{(a // 20) % images}.png\" alt=\"图片\">")
    if a % 20 == 10:
        i = (a // 20) % attachments
        body.append(f"<a href=\"/files/{i}.{EXT[i % len(EXT)]}\">附件{i}</a>")
    if a % 100 == 50:
        dead = f"/art/removed-{a}.html"
        broken.add(dead)
        body.append(f"<a href=\"{dead}\">已撤下的通知</a>")
        dead_articles += 1
    with open(os.path.join(out, "art", f"{a}.html"), "w", encoding="utf-8") as f:
        f.write(page(f"第{a}号通知", "".join(body)))

with open(os.path.join(out, "..", "expected-broken.txt"), "w", encoding="utf-8") as f:
    for b in sorted(broken):
        f.write(b + "\n")
print(f"pages={1 + columns + articles} images={images} attachments={attachments} broken={len(broken)} "
      f"distinct_urls={1 + columns + articles + images + attachments + dead_articles}")
