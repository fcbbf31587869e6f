"""检查 fake_datasets.py 写出的文件确实是 torchvision 认得的真实格式。"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from torchvision import datasets
from torchvision.datasets.utils import check_integrity

sys.path.insert(0, str(Path(__file__).parent))

from fake_datasets import CIFAR10_CLASSES, MNIST_FILES, write_cifar10, write_mnist  # noqa: E402


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def mnist_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mnist") / "data"
    write_mnist(root, n_train=120, n_test=30)
    return root


@pytest.fixture(scope="module")
def cifar_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cifar") / "data"
    write_cifar10(root, n_per_batch=20)
    return root


def test_mnist_files_are_where_torchvision_looks(mnist_root):
    raw = mnist_root / "MNIST" / "raw"
    expected = {name for pair in MNIST_FILES.values() for name in pair}
    # torchvision 找的是 resources 里 .gz 名字去掉扩展名后的文件
    wanted = {Path(url).stem for url, _ in datasets.MNIST.resources}
    assert expected == wanted
    assert {p.name for p in raw.iterdir()} == wanted


def test_mnist_is_read_by_torchvision_without_download(mnist_root, monkeypatch):
    def no_download(*args, **kwargs):
        raise AssertionError("MNIST 试图下载：准备好的文件没有被识别")

    monkeypatch.setattr(datasets.MNIST, "download", no_download)
    monkeypatch.setattr("torchvision.datasets.mnist.download_and_extract_archive", no_download)
    for train, n in ((True, 120), (False, 30)):
        ds = datasets.MNIST(root=str(mnist_root), train=train)
        assert ds._check_exists()
        assert len(ds) == n
        assert ds.data.shape == (n, 28, 28) and ds.data.dtype == torch.uint8
        assert ds.targets.min() >= 0 and ds.targets.max() <= 9
        img, label = ds[0]
        assert img.size == (28, 28) and img.mode == "L"
        assert isinstance(label, int)
        # 不是空白图：数字笔画的亮度明显高于背景
        assert ds.data.float().mean() > 10 and ds.data.max() > 200


def test_mnist_download_true_finds_files_and_stays_offline(mnist_root, monkeypatch):
    """download=True 时 _check_exists 为真，直接返回，不发起任何下载。"""
    calls = []
    monkeypatch.setattr(
        "torchvision.datasets.mnist.download_and_extract_archive",
        lambda *a, **k: calls.append(a),
    )
    ds = datasets.MNIST(root=str(mnist_root), train=True, download=True)
    assert len(ds) == 120
    assert calls == []


def test_mnist_idx_header(mnist_root):
    raw = mnist_root / "MNIST" / "raw"
    head = (raw / "train-images-idx3-ubyte").read_bytes()[:16]
    assert int.from_bytes(head[0:4], "big") == 2051
    assert [int.from_bytes(head[i : i + 4], "big") for i in (4, 8, 12)] == [120, 28, 28]
    head = (raw / "t10k-labels-idx1-ubyte").read_bytes()[:8]
    assert int.from_bytes(head[0:4], "big") == 2049
    assert int.from_bytes(head[4:8], "big") == 30


def test_writers_are_deterministic(tmp_path):
    write_mnist(tmp_path / "a", n_train=20, n_test=5, seed=3)
    write_mnist(tmp_path / "b", n_train=20, n_test=5, seed=3)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    write_cifar10(tmp_path / "c", n_per_batch=5, seed=3)
    write_cifar10(tmp_path / "d", n_per_batch=5, seed=3)
    assert _digest(tmp_path / "c") == _digest(tmp_path / "d")


def test_cifar10_files_have_the_official_names(cifar_root):
    folder = cifar_root / datasets.CIFAR10.base_folder
    wanted = {name for name, _ in datasets.CIFAR10.train_list + datasets.CIFAR10.test_list}
    wanted.add(datasets.CIFAR10.meta["filename"])
    wanted.add("readme.html")  # 官方压缩包里也有
    assert {p.name for p in folder.iterdir()} == wanted


def test_cifar10_real_class_rejects_files_without_official_md5(cifar_root):
    """torchvision 0.29.1 的 CIFAR10 即使 download=False 也校验 md5；页面上的说明依赖这一点。"""
    folder = cifar_root / datasets.CIFAR10.base_folder
    name, md5 = datasets.CIFAR10.train_list[0]
    assert check_integrity(folder / name)  # 文件在
    assert not check_integrity(folder / name, md5)  # 但校验和不是官方的
    with pytest.raises(RuntimeError, match="not found or corrupted"):
        datasets.CIFAR10(root=str(cifar_root), train=True, download=False)


class _CIFAR10WithoutMd5(datasets.CIFAR10):
    """同一个解析代码，只是不校验 md5：用来证明文件格式与 torchvision 期望的一致。"""

    train_list = [[name, None] for name, _ in datasets.CIFAR10.train_list]
    test_list = [[name, None] for name, _ in datasets.CIFAR10.test_list]
    meta = {**datasets.CIFAR10.meta, "md5": None}


def test_cifar10_is_parsed_by_torchvision_code(cifar_root):
    for train, n in ((True, 100), (False, 20)):
        ds = _CIFAR10WithoutMd5(root=str(cifar_root), train=train)
        assert len(ds) == n
        assert ds.data.shape == (n, 32, 32, 3) and ds.data.dtype == np.uint8
        assert ds.classes == CIFAR10_CLASSES
        assert min(ds.targets) >= 0 and max(ds.targets) <= 9
        img, label = ds[0]
        assert img.size == (32, 32) and img.mode == "RGB"
        assert isinstance(label, int)


def test_cifar10_batch_layout(cifar_root):
    folder = cifar_root / "cifar-10-batches-py"
    with open(folder / "data_batch_1", "rb") as f:
        batch = pickle.load(f, encoding="latin1")
    assert set(batch) == {"batch_label", "labels", "data", "filenames"}
    assert batch["data"].shape == (20, 3072) and batch["data"].dtype == np.uint8
    with open(folder / "batches.meta", "rb") as f:
        meta = pickle.load(f, encoding="latin1")
    assert meta["label_names"] == CIFAR10_CLASSES and meta["num_vis"] == 3072


def test_fixture_registration():
    from fixtures import PREPARERS

    for name in ("snippets/06_data/builtin_mnist.py", "snippets/06_data/cifar10_format.py"):
        assert name in PREPARERS
