import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

digits = load_digits()
x_all = torch.tensor(digits.data / 16.0)
perm = torch.randperm(len(x_all))
x_train, x_test = x_all[perm[:1500]].to(device), x_all[perm[1500:]].to(device)

# 普通自编码器：64 个像素压成 2 个数（编码），再还原成 64 个像素
encoder = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 2))
decoder = nn.Sequential(nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 64))
model = nn.Sequential(encoder, decoder).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)

for _epoch in range(40):
    for idx in torch.randperm(len(x_train)).split(100):
        x = x_train[idx]
        loss = F.binary_cross_entropy_with_logits(model(x), x, reduction="sum") / len(x)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

with torch.no_grad():
    recon = F.binary_cross_entropy_with_logits(model(x_test), x_test, reduction="sum")
    codes = encoder(x_train).cpu()
print(f"测试集重建误差：每张 {recon / len(x_test):.1f} nat")
print(f"训练图像编码的均值：{codes.mean(0).numpy().round(1)}")
print(f"训练图像编码的标准差：{codes.std(0).numpy().round(1)}")
print(
    f"编码的取值范围：z1 在 [{codes[:, 0].min():.0f}, {codes[:, 0].max():.0f}]，"
    f"z2 在 [{codes[:, 1].min():.0f}, {codes[:, 1].max():.0f}]"
)


# 想生成新图像：随便取一些编码交给解码器。可是该从哪里取？
def diversity(images):
    """一组图像两两之间的平均像素距离：越小说明长得越像。"""
    return torch.pdist(images).mean().item()


with torch.no_grad():
    z = torch.randn(500, 2, generator=torch.Generator().manual_seed(1)).to(device)
    fake = torch.sigmoid(decoder(z)).cpu()
print(f"真实图像的多样性：{diversity(x_test.cpu()):.2f}")
print(f"解码 N(0, I) 样本的多样性：{diversity(fake):.2f}")
