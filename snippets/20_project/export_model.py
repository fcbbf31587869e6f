import csv
import json
from pathlib import Path

import torch
from torch import nn
from torch.export import Dim
from torchvision.io import ImageReadMode, decode_image

CLASSES = ["good", "scratch", "spot", "dent"]
DATA, RUN = Path("data"), Path("runs/main")
MAX_BATCH = 64
torch.set_default_dtype(torch.float64)  # 与 train.py 一样用 float64，结果才能在各台机器上复现


# ---- 与 train.py 相同的模型定义 ----
def conv_block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class DefectNet(nn.Module):
    def __init__(self, mean=0.5, std=0.25):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.features = nn.Sequential(conv_block(1, 8), conv_block(8, 16), conv_block(16, 32))
        self.head = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(32, 4))

    def forward(self, x):
        return self.head(self.features((x - self.mean) / self.std))


# --8<-- [start:wrap]
class Inspector(nn.Module):
    """部署用的外壳：吃进原始的 uint8 像素，吐出 4 类概率。
    预处理（缩放到 [0, 1]、归一化）和 softmax 都放进导出的图里，服务端不必再抄一遍。"""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, pixels):
        return self.net(pixels.double() / 255).softmax(dim=1)


net = DefectNet()
net.load_state_dict(torch.load(RUN / "best.pt", map_location="cpu", weights_only=True)["model"])
inspector = Inspector(net).eval()
# --8<-- [end:wrap]

# --8<-- [start:export]
example = torch.zeros(2, 1, 32, 32, dtype=torch.uint8)
ep = torch.export.export(
    inspector, (example,), dynamic_shapes=({0: Dim("batch", min=1, max=MAX_BATCH)},)
)
torch.export.save(ep, "defect_inspector.pt2")

decision = json.loads((RUN / "decision.json").read_text())
card = {  # 模型卡：服务端需要知道、又不在图里的东西
    "model": "defect_inspector.pt2",
    "classes": CLASSES,
    "input": {"dtype": "uint8", "shape": ["batch", 1, 32, 32], "max_batch": MAX_BATCH},
    "threshold": decision["threshold"],
    "rule": "defect_score = 1 - p(good); reject if defect_score >= threshold",
}
Path("model_card.json").write_text(json.dumps(card, indent=2, ensure_ascii=False))
# --8<-- [end:export]

# --8<-- [start:verify]
with open(DATA / "manifest.csv", newline="", encoding="utf-8") as f:
    files = [r["file"] for r in csv.DictReader(f) if r["split"] == "test"]
pixels = torch.stack([decode_image(str(DATA / f), mode=ImageReadMode.GRAY) for f in files[:64]])

loaded = torch.export.load("defect_inspector.pt2").module()
with torch.inference_mode():
    for n in (1, 7, 64):
        diff = (loaded(pixels[:n]) - inspector(pixels[:n])).abs().max().item()
        print(f"批大小 {n:2d}：与 eager 的最大差异 < 1e-5：{diff < 1e-5}")
    try:
        loaded(torch.zeros(1, 1, 48, 48, dtype=torch.uint8))
    except Exception as err:  # 尺寸不对的输入在图的入口处就被拦下
        print("48×48 的输入：", type(err).__name__)

n_params = sum(p.numel() for p in net.parameters())
n_bytes = sum(t.numel() * t.element_size() for t in net.state_dict().values())
print(f"参数 {n_params} 个，权重与缓冲区共 {n_bytes / 1024:.1f} KiB")
print("模型卡：", json.dumps({k: card[k] for k in ("classes", "input")}, ensure_ascii=False))
# --8<-- [end:verify]
