"""Fixtures of the petitions tests."""

import pytest
from django.utils import timezone

from minsheng.textmine.router_store import train_and_publish
from minsheng.textmine.sources import CATEGORY, UNIT

LIGHTS = "楼道 照明 损坏 物业 维修 小区 路灯 电梯"
WAGES = "拖欠 工资 劳动 合同 社保 公司 农民工 仲裁"


@pytest.fixture
def routers(world, tmp_path, settings):
    """Published category and unit routers: lighting goes to housing, wages to the labour bureau."""
    settings.DATA_DIR = tmp_path
    housing, labour = (str(world.units[k].pk) for k in ("housing", "labour"))
    lights = [" ".join(LIGHTS.split()[i:] + LIGHTS.split()[:i]) for i in range(6)]
    wages = [" ".join(WAGES.split()[i:] + WAGES.split()[:i]) for i in range(6)]
    now = timezone.now()
    train_and_publish([(t, "城乡建设") for t in lights] + [(t, "劳动和社会保障") for t in wages], now=now,
                      data_dir=tmp_path, target=CATEGORY)  # fmt: skip
    train_and_publish([(t, housing) for t in lights] + [(t, labour) for t in wages], now=now,
                      data_dir=tmp_path, target=UNIT)  # fmt: skip
