package io.circus.zmq;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The listening socket of a tcp endpoint, resolved as JeroMQ and libzmq do: host {@code *} is every
 * IPv4 interface, a name is its first IPv4 address (its
 * first IPv6 one when bracketed), port {@code *} or {@code 0} is a free port. SO_REUSEADDR is on, as
 * libzmq sets it, so a restart binds again while old connections linger in TIME_WAIT; accepted
 * connections get TCP_NODELAY (requests and replies are small and latency-bound).
 */
final class TcpListener implements ListeningSocket {

  private static final int BACKLOG = 128;

  private final ServerSocketChannel channel;
  private final String endpoint;

  private TcpListener(ServerSocketChannel channel, String endpoint) {
    this.channel = channel;
    this.endpoint = endpoint;
  }

  /** @param option the endpoint's option, in error messages */
  static TcpListener bind(ZmqEndpoint.Tcp endpoint, String option) throws EndpointBindException {
    ServerSocketChannel channel = null;
    try {
      InetSocketAddress address = resolve(endpoint);
      channel = ServerSocketChannel.open(
          address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(address, BACKLOG);
      return new TcpListener(channel, text((InetSocketAddress) channel.getLocalAddress()));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new EndpointBindException(option, endpoint.uri(), e.getMessage(), e);
    }
  }

  private static InetSocketAddress resolve(ZmqEndpoint.Tcp endpoint) throws UnknownHostException {
    String uri = endpoint.uri();
    int colon = uri.lastIndexOf(':');
    String host = uri.substring("tcp://".length(), colon);
    String port = uri.substring(colon + 1);
    int portNumber = port.equals("*") ? 0 : Integer.parseInt(port);
    if (portNumber > 65535) {
      throw new UnknownHostException("port " + port + " is out of range");
    }
    if (endpoint.ipv6()) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.equals("*")) {
      return new InetSocketAddress(InetAddress.getByName(endpoint.ipv6() ? "::" : "0.0.0.0"), portNumber);
    }
    Class<? extends InetAddress> family = endpoint.ipv6() ? Inet6Address.class : Inet4Address.class;
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (family.isInstance(address)) {
        return new InetSocketAddress(address, portNumber);
      }
    }
    throw new UnknownHostException(host + ": no " + (endpoint.ipv6() ? "IPv6" : "IPv4") + " address");
  }

  private static String text(InetSocketAddress bound) {
    String host = bound.getAddress().getHostAddress();
    return "tcp://" + (bound.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + bound.getPort();
  }

  @Override
  public ServerSocketChannel channel() {
    return channel;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public void prepare(SocketChannel accepted) throws IOException {
    accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static void closeQuietly(ServerSocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was accepted on it that could be lost; the descriptor is released either way.
    }
  }
}
