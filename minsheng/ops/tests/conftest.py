"""Data for the backup and key tests: petitions with attachments, a hotline order, a suggestion."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.people.services import Identity


@pytest.fixture
def dirs(settings, tmp_path):
    """MEDIA_ROOT and DATA_DIR of this test only (the backup reads them, the restore writes beside)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    return tmp_path


@pytest.fixture
def data(world, dirs, file_petition, now):
    """A little of everything that holds personal data or files."""
    from minsheng.hotline.services import OrderIntake, order_receive
    from minsheng.suggestions import services as suggestions
    from minsheng.suggestions.services import SuggestionInput, TopicInput

    photo = SimpleUploadedFile("照片.jpg", b"\xff\xd8\xff" + b"x" * 300, content_type="image/jpeg")
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 " + b"y" * 500, content_type="application/pdf")
    petitions = [file_petition(attachments=(photo, scan)), file_petition(title="小区噪音扰民")]
    order = order_receive(
        intake=OrderIntake(
            kind="complaint",
            title="小区门口路灯不亮",
            content="路灯已坏一周，夜间出行不便。",
            region=world.regions["county"],
            requester=Identity(name="张三", phone="13800001111"),
        ),
        actor=world.users["operator"],
        now=now,
    )
    clerk = world.users["suggestion_clerk"]
    topic = suggestions.topic_create(
        office=world.units["social_work"],
        data=TopicInput("加装电梯征集意见", "请提出建议。", date(2026, 3, 1), date(2026, 4, 30)),
        actor=clerk,
    )
    topic = suggestions.topic_publish(topic=topic, actor=clerk, now=now)
    suggestion = suggestions.suggestion_submit(
        data=SuggestionInput(
            title="加装电梯费用按楼层分摊",
            reason="老人上下楼困难。",
            proposal="按楼层递增分摊。",
            name="李建华",
            phone="13912345678",
            topic=topic,
        ),
        actor=None,
        now=now,
    ).suggestion
    models_dir = dirs / "data" / "models"
    models_dir.mkdir()
    (models_dir / "router-category-1.joblib").write_bytes(b"trained router")
    return {"petitions": petitions, "order": order, "suggestion": suggestion}
