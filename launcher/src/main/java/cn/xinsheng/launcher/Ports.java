package cn.xinsheng.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that a port is free before a server is started on it, for a clear error message. */
final class Ports {
  private Ports() {}

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("0.0.0.0", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void requireFree(int port, String what, String option) {
    if (port < 1 || port > 65535) {
      throw new LauncherException("端口号无效：" + port, "invalid port number: " + port);
    }
    if (!isFree(port)) {
      throw new LauncherException(
          "端口 " + port + " 已被占用（" + what + "）；请关闭占用它的程序，或用 " + option + " 换一个端口",
          "port "
              + port
              + " is already in use ("
              + what
              + "); stop what uses it or choose another with "
              + option);
    }
  }
}
