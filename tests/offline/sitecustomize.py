"""测试时注入到每个子进程（示例脚本、Notebook 内核）里的断网补丁。

示例只允许连接本机回环地址；任何连向外部主机的尝试都会立即抛出 OSError，
这样“偷偷联网下载”的示例会在测试里失败，而不是在读者的机器上才暴露。
"""

import ipaddress
import socket

_MESSAGE = "测试环境禁止访问网络：示例试图连接 {!r}"


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):
        # AF_UNIX 套接字路径：本机进程间通信，允许
        return True
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self, address):
    if not _is_local(address):
        raise OSError(_MESSAGE.format(address))
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_local(address):
        raise OSError(_MESSAGE.format(address))
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost") and not _is_local((host,)):
        raise OSError(_MESSAGE.format(host))
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _guarded_getaddrinfo
