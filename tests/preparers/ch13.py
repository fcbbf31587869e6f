"""第 13 章：自然语言处理（把仓库里的小语料复制进示例的临时目录）。

页面上提供 docs/assets/downloads/13_nlp/corpus.txt 的下载链接，读者把它放在脚本旁边即可运行。
"""

from __future__ import annotations

import shutil
from pathlib import Path

CORPUS = (
    Path(__file__).resolve().parents[2] / "docs" / "assets" / "downloads" / "13_nlp" / "corpus.txt"
)


def _corpus(workdir: Path) -> None:
    shutil.copyfile(CORPUS, workdir / "corpus.txt")


PREPARERS = {
    f"snippets/13_nlp/{name}.py": _corpus
    for name in (
        "char_rnn_lm",
        "tiny_gpt",
        "bpe_from_scratch",
        "ex01_ngram_perplexity",
        "ex04_bpe_tradeoff",
    )
}
