"""One extractor per kind of fact; pipeline/extract.py runs them in order.

    parties.py      甲/乙/丙 parties and the 圏域 name
    dates.py        era dates -> ISO, the signing date
    articles.py     第N条 with caption and paragraphs (項)
    signatories.py  the signature blocks
    tables.py       table grids: headers, rows broken over pages
    appendix.py     別表 rows in every layout (grid, key/value, nested, overview)
"""
