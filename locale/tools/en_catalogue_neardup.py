# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations of the near-duplicate index's strings (models and ``manage.py neardup``)."""

# fmt: off
CATALOGUE_PART = {
    "业务": "Domain",
    "记录": "Record",
    "字符片段数": "Shingles",
    "签名": "Signature",
    "查重索引记录": "Near-duplicate index entry",
    "桶": "Bucket",
    "查重索引桶": "Near-duplicate index bucket",
    "查重索引：从业务记录重建（rebuild），或报告记录数与占用空间（stats）": "Near-duplicate index: rebuild it from the records (rebuild), or report records and space used (stats)",
    "按已登记的业务来源重建查重索引": "Rebuild the near-duplicate index from the registered sources",
    "只重建这个业务（默认全部）": "Rebuild only this domain (default: all)",
    "每个业务一行 JSON：记录数与每条记录占用的字节数": "One JSON line per domain: records and bytes per record",
    "未知业务：%(domain)s（已登记：%(known)s）": "Unknown domain: %(domain)s (registered: %(known)s)",
}
# fmt: on
