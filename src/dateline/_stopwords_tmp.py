"""TEMPORARY until dateline.meta.lang lands."""
_STOP = frozenset("""the a an and or of to in on for with at by from is are was were be been has have had it its this that these those as but not he she they we you i his her their our will would can could said says after before about over into than then also more
der die das und oder ein eine einer eines zu im in auf für mit von bei aus ist sind war waren wird werden hat haben nicht auch sich es er sie wir dem den des als nach wie noch nur um am
le la les et ou un une des du de à au aux en dans pour par sur avec est sont était ont a pas ne se il elle ils qui que ce cette ces plus
el la los las y o un una unos de del en por para con es son fue han ha no se que al lo su sus como más
il lo gli e o un una di da in con su per è sono non si che del della al
w i z na do się nie jest o że to od za po jak dla
""".split())


def stopword_ratio(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w in _STOP) / len(words)
