"""Stage 3a: the labeller's feature matrix (``dateline.features``)."""
import numpy as np

from dateline.features import FEATURE_NAMES, char_counts, page_features
from dateline.model import Block


def column(blocks: list[Block], name: str) -> np.ndarray:
    """One feature column of a page."""
    return page_features(blocks)[:, FEATURE_NAMES.index(name)]


def page(lines: list[str]) -> list[Block]:
    """Blocks of a synthetic page, one per line."""
    return [Block(text=line, index=i, line_no=i + 1) for i, line in enumerate(lines)]


def test_matrix_shape_and_empty_page():
    blocks = page(["Home", "The council met on Tuesday to approve the budget for next year."])
    assert page_features(blocks).shape == (2, len(FEATURE_NAMES))
    assert page_features([]).shape == (0, len(FEATURE_NAMES))


def test_counts_per_block():
    counts = char_counts(["Hello, world. Bye!", "ABC def"])
    assert counts["words"].tolist() == [3, 2]
    assert counts["sentence_ends"].tolist() == [2, 0]
    assert counts["commas"].tolist() == [1, 0]
    assert counts["upper"].tolist() == [2, 3]


def test_chinese_and_japanese_prose_reads_as_prose():
    # unspaced words and "。" full stops: a paragraph, not one long "word" without a sentence end
    lines = ["これが非常に困ったものです。何が困るかといえば、パスワード管理ソフトの起動キーと同じなのです。",
             "益水之阳，是名益阳。这个洞庭湖区的重要城市，六十年前就曾在作家笔下展现风貌。",
             "ホーム"]
    blocks = page(lines)
    assert column(blocks, "is_prose").tolist() == [1.0, 1.0, 0.0]
    assert column(blocks, "ends_sentence").tolist() == [1.0, 1.0, 0.0]
    counts = char_counts(lines)
    assert counts["sentence_ends"].tolist() == [2, 2, 0] and counts["words"][0] >= 20
