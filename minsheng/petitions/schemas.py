"""What the petitions API accepts and returns. Lengths match the columns, so nothing reaches the
database that it would refuse (a refusal there would be a 500, not a message)."""

from datetime import datetime

from ninja import Schema
from pydantic import Field

from minsheng.petitions.services.intake import MAX_BATCH
from minsheng.petitions.workflow import Channel, Kind, LegalChannel, Outcome, Rating

MAX_ID = 2**63 - 1  # a primary key the database can compare with
LONG_TEXT = 20000


class PersonIn(Schema):
    name: str = Field("", max_length=60, description="姓名或单位名称")
    id_number: str = Field("", max_length=30, description="身份证号码（18位）")
    phone: str = Field("", max_length=30)
    address: str = Field("", max_length=300)
    is_organization: bool = False


class SubmitIn(Schema):
    channel: Channel
    kind: Kind = Kind.REQUEST
    title: str = Field(max_length=120)
    request: str = Field(max_length=LONG_TEXT)
    facts: str = Field(max_length=LONG_TEXT)
    reasons: str = Field(max_length=LONG_TEXT)
    region: str = Field(max_length=12, description="问题属地的区划代码")
    category: str | None = Field(None, max_length=20, description="信访事项分类代码")
    petitioner: PersonIn | None = None
    representatives: list[PersonIn] = Field(default_factory=list, max_length=50)
    headcount: int = Field(1, ge=1, le=100000)
    accused_unit: int | None = Field(None, ge=1, le=MAX_ID, description="被反映单位的编号")
    accused_person: str = Field("", max_length=60)
    anonymous: bool = Field(False, description="仅检举控告可匿名")


class SimilarCase(Schema):
    number: str
    similarity: float = Field(description="0–1，字符片段重合度的估计")


class SubmitOut(Schema):
    number: str
    query_code: str = Field(description="信访人查询进度用的查询码")
    status: str
    due_at: datetime | None
    due_clock: str
    created: bool = Field(description="false：同一 Idempotency-Key 的重试，返回首次登记的信访件")
    manual_routing: bool = Field(description="分类模型没有把握（或尚无模型）：需人工分派")
    similar: list[SimilarCase] = Field(description="调用者可见的内容相近的信访件，相似度从高到低")


class BatchItemIn(Schema):
    idempotency_key: str = Field(
        min_length=1, max_length=100, description="发送方为该件生成的唯一键，重发时不变"
    )
    petition: SubmitIn


class BatchIn(Schema):
    items: list[BatchItemIn] = Field(
        min_length=1, max_length=MAX_BATCH, description=f"最多{MAX_BATCH}件，按顺序登记"
    )


class ItemError(Schema):
    detail: str
    code: str
    errors: dict[str, str]


class BatchResult(Schema):
    status: int = Field(description="201：已登记；200：同一键的重发，返回首次登记；400/409：未登记，见 error")
    petition: SubmitOut | None = None
    error: ItemError | None = None


class BatchOut(Schema):
    created: int = Field(description="本批新登记的件数")
    refused: int = Field(description="本批未登记的件数")
    results: list[BatchResult] = Field(description="与 items 一一对应、顺序相同")


class StepIn(Schema):
    """The fields each step reads; a step ignores the ones it does not need."""

    unit: int | None = Field(None, ge=1, le=MAX_ID, description="forward/assign：责任单位编号")
    note: str = Field("", max_length=LONG_TEXT, description="forward/assign/redirect：说明")
    category: str | None = Field(None, max_length=20, description="forward/assign：确认或更正的分类代码")
    legal_channel: LegalChannel | None = Field(None, description="redirect：法定途径")
    reason: str = Field("", max_length=LONG_TEXT, description="decline/object/extend/request_*：理由")
    original: str = Field("", max_length=30, description="link_repeat：原信访件编号")
    days: int | None = Field(None, ge=0, le=3650, description="extend：延期天数（1–30）")
    outcome: Outcome | None = Field(None, description="answer/settle：处理结果")
    facts: str = Field("", max_length=LONG_TEXT)
    reasons: str = Field("", max_length=LONG_TEXT)
    decision: str = Field("", max_length=LONG_TEXT)
    basis: str = Field("", max_length=LONG_TEXT)
    agreement: str = Field("", max_length=LONG_TEXT)
    rating: Rating | None = None
    comment: str = Field("", max_length=1000)


class Named(Schema):
    id: int
    name: str


class Coded(Schema):
    code: str
    name: str


class PersonMasked(Schema):
    name: str
    phone: str
    id_number: str
    address: str
    is_organization: bool


class PetitionItem(Schema):
    number: str
    title: str
    kind: str
    channel: str
    status: str
    status_label: str
    region: str
    category: str | None
    unit: str | None
    received_at: datetime
    due_at: datetime | None
    due_clock: str
    overdue: bool
    manual_routing: bool = Field(description="待转送/交办且分类模型没有把握：需人工分派")
    petitioner: str | None = Field(description="脱敏姓名；匿名或本单位被反映时为空")


class PetitionPage(Schema):
    items: list[PetitionItem]
    limit: int
    offset: int
    next_offset: int | None


class RoutingProposal(Schema):
    """What the router proposed at registration; ``manual``: a person must route it without a proposal."""

    category: Coded | None
    category_confidence: float | None
    unit: Named | None
    unit_confidence: float | None
    manual: bool


class PetitionDetail(Schema):
    number: str
    title: str
    kind: str
    kind_label: str
    channel: str
    channel_label: str
    status: str
    status_label: str
    region: Coded
    category: Coded | None
    intake_unit: Named
    unit: Named | None
    review_unit: Named | None
    accused_unit: Named | None
    accused_person: str
    petitioner: PersonMasked | None
    is_anonymous: bool
    is_collective: bool
    headcount: int
    request: str
    facts: str
    reasons: str
    received_at: datetime
    assigned_at: datetime | None
    accepted_at: datetime | None
    answered_at: datetime | None
    closed_at: datetime | None
    due_at: datetime | None
    due_clock: str
    due_warning: bool
    overdue_since: datetime | None
    legal_channel: str
    decision_note: str
    extension_days: int
    extension_reason: str
    outcome: str
    answer_facts: str
    answer_reasons: str
    answer_decision: str
    answer_basis: str
    rating: str
    rating_comment: str
    review_decision: str
    re_review_decision: str
    repeat_of: str | None
    routing: RoutingProposal
    allowed_steps: list[str]


class TrackIn(Schema):
    number: str = Field(max_length=30, description="信访件编号")
    code: str = Field(max_length=20, description="查询码")


class RateIn(TrackIn):
    rating: Rating
    comment: str = Field("", max_length=1000)


class ReviewIn(TrackIn):
    reason: str = Field(max_length=LONG_TEXT, description="申请复查/复核的理由")


class Answer(Schema):
    outcome: str
    outcome_label: str
    facts: str
    reasons: str
    decision: str
    basis: str
    answered_at: datetime | None


class TrackOut(Schema):
    number: str
    status: str
    status_label: str
    unit: str | None = Field(description="责任单位")
    received_at: datetime
    due_at: datetime | None
    due_clock: str
    due_clock_label: str
    legal_channel: str
    decision_note: str = Field(description="不予受理或导入法定途径的理由")
    extension_days: int
    extension_reason: str
    answer: Answer | None
    review_decision: str
    re_review_decision: str
    rating: str
    rating_comment: str
    actions: list[str] = Field(description="信访人现在可以做的：rate / review")
