"""用 TORCH_LOGS 看 torch.compile 在做什么：这里打开“重新编译”日志。"""

# 运行方式：新进程（TORCH_LOGS 在 import torch 时读取，必须在 import 之前设置）
import logging
import os
import re
import sys

os.environ["TORCH_LOGS"] = "recompiles"  # 在命令行里等价于 TORCH_LOGS=recompiles python 脚本.py

import torch  # noqa: E402


class ShortPathHandler(logging.Handler):
    """日志默认写到 stderr；这里再抄一份到 stdout，并把绝对路径缩成文件名，方便比对。"""

    def emit(self, record):
        name = os.path.basename(__file__)
        print(re.sub(r"[^\s\"]*" + re.escape(name), name, record.getMessage()), file=sys.stdout)


logging.getLogger("torch._dynamo").addHandler(ShortPathHandler())


def f(x, scale):
    return torch.relu(x) * scale


compiled = torch.compile(f, backend="eager")
compiled(torch.randn(4), 2.0)
compiled(torch.randn(4), 2.0)  # 同样的形状、同样的 scale：复用，不打日志
compiled(torch.randn(8), 2.0)  # 长度变了：重新编译一次（之后这一维按动态处理）
compiled(torch.randn(16), 3.0)  # Python 浮点数 scale 变了：又一次
print("完成")
