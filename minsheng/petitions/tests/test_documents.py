"""The documents of a case as PDF: each exists in its state, says what the law requires, hides identity."""

import shutil
import subprocess
from datetime import timedelta

import pytest

from minsheng.core.errors import DomainError
from minsheng.people.services import Identity
from minsheng.petitions import documents, services
from minsheng.petitions.workflow import Kind, LegalChannel, Outcome

pytestmark = pytest.mark.django_db

PDFTOTEXT = shutil.which("pdftotext")
# The address appears nowhere else in the case, so finding it in a PDF means the identity leaked.
ADDRESS = "东湖街道幸福里小区3号楼502室"
PETITIONER = Identity(name="王小明", id_number="110101199003074477", phone="13812341234", address=ADDRESS)


@pytest.fixture
def pdf_text(request):
    """``pdf_text(pdf)``: the text of the PDF with all whitespace removed (lines wrap anywhere in Chinese)."""
    if PDFTOTEXT is None:
        if request.config.minsheng_ci:
            pytest.fail("pdftotext (poppler-utils) is required in CI")
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot read the text back")

    def extract(pdf: bytes) -> str:
        assert pdf.startswith(b"%PDF")
        out = subprocess.run(
            [PDFTOTEXT, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        )
        return "".join(out.stdout.decode().split())

    return extract


@pytest.fixture
def filed(file_petition):
    return file_petition(petitioner=PETITIONER)


@pytest.fixture
def assigned(world, clerk, now, filed):
    return services.petition_assign(petition=filed, actor=clerk, now=now, unit=world.units["housing"])


@pytest.fixture
def accepted(assigned, handler, now):
    # Accepted on Thursday 2026-03-12: the 60 days end on Monday 2026-05-11.
    return services.petition_accept(petition=assigned, actor=handler, now=now + timedelta(days=1))


@pytest.fixture
def answered(accepted, handler, now):
    return services.petition_answer(
        petition=accepted,
        actor=handler,
        now=now + timedelta(days=30),
        outcome=Outcome.SUPPORT,
        facts="经现场核查，3号楼楼道灯确已损坏。",
        reasons="物业服务企业负有维修义务。",
        decision="责成物业公司于三日内修复。",
        basis="《物业管理条例》第三十五条",
    )


def test_it_lists_only_the_transfer_form_after_an_assignment(assigned):
    assert documents.available(assigned) == [("transfer", "信访事项交办单")]


def test_it_refuses_a_document_the_case_does_not_have(assigned):
    with pytest.raises(DomainError) as refused:
        documents.render(assigned, "opinion", reveal_identity=True)
    assert refused.value.code == "no_document"
    with pytest.raises(DomainError):
        documents.render(assigned, "no_such_kind", reveal_identity=True)


def test_it_prints_the_transfer_form_to_the_unit_with_the_notification_deadline(
    world, clerk, now, filed, pdf_text
):
    p = services.petition_forward(petition=filed, actor=clerk, now=now, unit=world.units["housing"])
    text = pdf_text(documents.render(p, "transfer", reveal_identity=False))
    assert "信访事项转送单" in text and f"{p.number}-ZS" in text
    assert "青川区信访局" in text and "青川区住房和城乡建设局" in text
    # Art. 23: the petitioner is told within 15 days of 2026-03-11.
    assert "2026年3月26日" in text
    assert "请求尽快修复楼道照明" in text
    assert "王*" in text and "王小明" not in text and ADDRESS not in text and "****" in text


def test_it_prints_the_acceptance_notice_with_the_unit_and_the_60_day_due_date(accepted, pdf_text):
    text = pdf_text(documents.render(accepted, "acceptance", reveal_identity=False))
    assert "受理告知书" in text and f"{accepted.number}-SL" in text
    assert "青川区住房和城乡建设局" in text
    assert "2026年3月12日" in text and "2026年5月11日" in text and "60日" in text
    assert "王*" in text and "王小明" not in text


def test_it_shows_the_petitioner_in_clear_only_when_asked(accepted, pdf_text):
    text = pdf_text(documents.render(accepted, "acceptance", reveal_identity=True))
    assert "王小明" in text and ADDRESS in text
    masked = pdf_text(documents.render(accepted, "acceptance", reveal_identity=False))
    assert "王小明" not in masked and ADDRESS not in masked and "****" in masked


def test_it_prints_the_extension_with_the_new_due_date(accepted, head, now, pdf_text):
    p = services.petition_extend(
        petition=accepted, actor=head, now=now + timedelta(days=50), extra_days=20, reason="需现场勘查"
    )
    assert ("extension", "延期告知书") in documents.available(p)
    text = pdf_text(documents.render(p, "extension", reveal_identity=False))
    assert "延期告知书" in text and f"{p.number}-YQ" in text and "需现场勘查" in text
    # 2026-05-11 + 20 days is Sunday 2026-05-31: the period ends on Monday 2026-06-01.
    assert "20日" in text and "2026年5月11日" in text and "2026年6月1日" in text


def test_it_prints_the_opinion_with_its_outcome_and_the_right_to_review(answered, pdf_text):
    assert [k for k, _label in documents.available(answered)] == ["transfer", "acceptance", "opinion"]
    text = pdf_text(documents.render(answered, "opinion", reveal_identity=False))
    assert "信访处理意见书" in text and f"{answered.number}-YJ" in text
    for part in (
        "请求尽快修复楼道照明",
        "确已损坏",
        "负有维修义务",
        "三日内修复",
        "《物业管理条例》第三十五条",
    ):
        assert part in text
    assert "处理结果：支持" in text
    # Art. 35: review within 30 days, requested from the body above (the city bureau).
    assert "30日内" in text and "云州市信访局" in text and "第三十五条" in text
    with pytest.raises(DomainError):
        documents.render(answered, "agreement", reveal_identity=False)


def test_it_prints_a_mediation_agreement_instead_of_an_opinion(accepted, handler, now, pdf_text):
    p = services.petition_settle(
        petition=accepted, actor=handler, now=now + timedelta(days=20), outcome=Outcome.MEDIATED,
        agreement="物业公司于3月底前更换全部楼道灯，信访人不再就此事信访。",
    )  # fmt: skip
    assert ("agreement", "调解协议书") in documents.available(p)
    text = pdf_text(documents.render(p, "agreement", reveal_identity=False))
    assert "调解协议书" in text and f"{p.number}-TJ" in text and "更换全部楼道灯" in text
    with pytest.raises(DomainError):
        documents.render(p, "opinion", reveal_identity=False)


def test_it_prints_the_refusal_with_its_reason(filed, clerk, now, pdf_text):
    p = services.petition_decline(petition=filed, actor=clerk, now=now, reason="诉求内容不明确。")
    assert documents.available(p) == [("non_acceptance", "不予受理告知书")]
    text = pdf_text(documents.render(p, "non_acceptance", reveal_identity=False))
    assert "不予受理告知书" in text and f"{p.number}-BSL" in text
    assert "青川区信访局" in text and "诉求内容不明确" in text


def test_it_names_the_legal_channel_of_a_redirected_matter(assigned, handler, now, pdf_text):
    p = services.petition_redirect(
        petition=assigned, actor=handler, now=now, legal_channel=LegalChannel.ARBITRATION,
        note="属劳动争议，应申请劳动人事争议仲裁。",
    )  # fmt: skip
    text = pdf_text(documents.render(p, "non_acceptance", reveal_identity=False))
    assert "不予受理告知书" in text and "仲裁" in text and "第三十一条" in text
    assert "青川区住房和城乡建设局" in text and "劳动人事争议仲裁" in text


def test_it_prints_review_and_final_re_review_by_the_bodies_that_decided_them(
    answered, city_clerk, province_clerk, now, pdf_text
):
    p = services.petition_request_review(
        petition=answered, actor=None, now=now + timedelta(days=32), reason="灯仍未修复", as_citizen=True
    )
    p = services.petition_decide_review(
        petition=p, actor=city_clerk, now=now + timedelta(days=40), decision="维持原处理意见"
    )
    p = services.petition_request_re_review(
        petition=p, actor=None, now=now + timedelta(days=42), reason="不服复查意见", as_citizen=True
    )
    p = services.petition_decide_re_review(
        petition=p, actor=province_clerk, now=now + timedelta(days=50), decision="复核维持"
    )
    assert [k for k, _label in documents.available(p)][-2:] == ["review", "re_review"]
    review = pdf_text(documents.render(p, "review", reveal_identity=False))
    assert "复查意见书" in review and f"{p.number}-FC" in review
    assert "云州市信访局" in review and "灯仍未修复" in review and "维持原处理意见" in review
    assert "江南省信访局" in review  # where a re-review is requested
    final = pdf_text(documents.render(p, "re_review", reveal_identity=False))
    assert "复核意见书" in final and f"{p.number}-FH" in final and "江南省信访局" in final
    assert "不服复查意见" in final and "复核维持" in final and "不再受理" in final
    assert "王小明" not in review + final


def test_it_addresses_an_anonymous_report_to_nobody_by_name(
    world, clerk, handler, now, file_petition, pdf_text
):
    p = file_petition(kind=Kind.REPORT, anonymous=True, petitioner=None, accused_unit=world.units["labour"])
    p = services.petition_assign(petition=p, actor=clerk, now=now, unit=world.units["discipline"])
    p = services.petition_accept(petition=p, actor=world.users["discipline_handler"], now=now)
    text = pdf_text(documents.render(p, "acceptance", reveal_identity=True))
    assert "匿名" in text and "王" not in text


def test_it_wraps_long_text_and_prints_markup_literally(world, clerk, handler, now, file_petition, pdf_text):
    long_facts = "楼道灯损坏导致老人摔倒。" * 300 + "<b>最后一句&amp;</b>"
    p = file_petition(facts=long_facts)
    p = services.petition_forward(petition=p, actor=clerk, now=now, unit=world.units["housing"])
    pdf = documents.render(p, "transfer", reveal_identity=False)
    text = pdf_text(pdf)
    assert "<b>最后一句&amp;</b>" in text
    assert "第2页" in text  # the facts run on to a second page instead of failing to fit


def test_it_still_prints_chinese_without_a_truetype_font(monkeypatch, accepted):
    from minsheng.core import pdf_fonts as fonts

    monkeypatch.setattr(fonts, "CANDIDATES", (("/nonexistent/font.ttc", 0),))
    monkeypatch.setattr(fonts, "_registered", None)
    pdf = documents.render(accepted, "acceptance", reveal_identity=False)
    assert pdf.startswith(b"%PDF") and b"STSong-Light" in pdf
