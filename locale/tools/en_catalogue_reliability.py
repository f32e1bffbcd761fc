"""English translations of the reliability work: the hotline's API intake (POST /api/v1/hotline/orders)."""

# fmt: off
CATALOGUE_PART = {
    "工单分类代码不存在。": "The work-order category code does not exist.",
}
