import traceback

import torch
from torch.utils.data import DataLoader, Dataset


class FlakyDataset(Dataset):
    """第 5 个样本是坏的：真实项目里可能是一张损坏的图片或一行缺列的 CSV。"""

    def __len__(self):
        return 8

    def __getitem__(self, idx):
        if idx == 5:
            raise ValueError(f"样本 {idx} 无法解析")
        return torch.tensor([float(idx)])


def first_lines(e, n):
    return str(e).splitlines()[:n]


if __name__ == "__main__":
    # 多个工作进程时，异常在工作进程里发生，被包装后在主进程重新抛出
    loader = DataLoader(FlakyDataset(), batch_size=2, num_workers=2)
    try:
        for batch in loader:
            print("读到批次：", batch.flatten().tolist())
    except ValueError as e:
        print("num_workers=2 时的异常类型：", type(e).__name__)
        for line in first_lines(e, 2):
            print("  ", line)
        # 异常的 traceback 引用着迭代器所在的栈帧，二者构成引用环；清掉这些帧的局部变量，
        # 迭代器马上被释放、工作进程随之退出，不用等垃圾回收（长期运行的进程里那要多等约 10 秒）
        traceback.clear_frames(e.__traceback__)

    # 调试时改成 num_workers=0：一切在主进程里发生，traceback 直接指向 __getitem__ 里的那一行
    loader = DataLoader(FlakyDataset(), batch_size=2, num_workers=0)
    try:
        for _batch in loader:
            pass
    except ValueError as e:
        print("num_workers=0 时的报错：", e)
        last = traceback.extract_tb(e.__traceback__)[-1]  # 调用栈的最后一帧就是出错的地方
        print(f"出错的位置：{last.name} 里的 {last.line}")
