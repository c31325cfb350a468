package io.circus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.zmtp.Zmtp;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ipc client socket against a ZMTP peer played by hand over a real Unix socket: what circusd's
 * server does not show (a ZMTP 3.0 peer, PING, an oversized frame, reconnection).
 */
class UnixZmtpSocketTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private ServerSocketChannel server;
  private String endpoint;
  private ClientSocket client;
  private final List<SocketChannel> accepted = new ArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    Path path = dir.resolve("peer.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    endpoint = "ipc://" + path;
  }

  @AfterEach
  void close() throws IOException {
    if (client != null) {
      client.close();
    }
    for (SocketChannel channel : accepted) {
      channel.close();
    }
    server.close();
  }

  @Test
  void aZmtp30PublisherGetsTheSubscriptionsAsMessagesThenSendsTopicAndBody() throws IOException {
    client = ClientSocket.subscriber(endpoint, List.of("watcher.", ""));
    Peer peer = accept(0, Zmtp.SocketType.PUB);

    assertThat(peer.nextFrame(client).command()).isEqualTo("READY");
    assertThat(peer.nextFrame(client).body()).isEqualTo(bytes("\u0001watcher."));
    assertThat(peer.nextFrame(client).body()).isEqualTo(bytes("\u0001"));

    peer.write(Zmtp.message(bytes("watcher.web.spawn"), bytes("{}")));
    byte[][] message = receive(client);
    assertThat(new String(message[0], StandardCharsets.UTF_8)).isEqualTo("watcher.web.spawn");
    assertThat(new String(message[1], StandardCharsets.UTF_8)).isEqualTo("{}");
  }

  @Test
  void aZmtp31PublisherGetsSubscribeCommandsAndAPingItsPong() throws IOException {
    client = ClientSocket.subscriber(endpoint, List.of("stat."));
    Peer peer = accept(1, Zmtp.SocketType.PUB);

    assertThat(peer.nextFrame(client).command()).isEqualTo("READY");
    Frame subscribe = peer.nextFrame(client);
    assertThat(subscribe.command()).isEqualTo("SUBSCRIBE");
    assertThat(subscribe.commandData()).isEqualTo(bytes("stat."));

    peer.write(Zmtp.command("PING", bytes("\u0000\u0000ctx")));
    Frame pong = peer.nextFrame(client);
    assertThat(pong.command()).isEqualTo("PONG");
    assertThat(pong.commandData()).isEqualTo(bytes("ctx"));
  }

  @Test
  void messagesSentBeforeTheHandshakeFollowTheReadyWithTheIdentity() throws Exception {
    client = ClientSocket.dealer(endpoint, bytes("me"));
    client.send(bytes("first"));
    client.send(bytes("second"));
    Peer peer = accept(1, Zmtp.SocketType.ROUTER);

    Frame ready = peer.nextFrame(client);
    assertThat(ready.command()).isEqualTo("READY");
    Zmtp.Command command = Zmtp.Command.parse(ready.body());
    assertThat(command.properties()).hasEntrySatisfying("identity", id -> assertThat(id).isEqualTo(bytes("me")))
        .hasEntrySatisfying("socket-type", type -> assertThat(type).isEqualTo(bytes("DEALER")));
    assertThat(peer.nextFrame(client).body()).isEqualTo(bytes("first"));
    assertThat(peer.nextFrame(client).body()).isEqualTo(bytes("second"));
  }

  @Test
  void aFrameOverTheLimitDropsTheConnectionAndTheSocketConnectsAgain() throws IOException {
    client = ClientSocket.dealer(endpoint, new byte[0]);
    Peer peer = accept(1, Zmtp.SocketType.ROUTER);
    assertThat(peer.nextFrame(client).command()).isEqualTo("READY");

    peer.write(ByteBuffer.allocate(9).put((byte) Zmtp.LONG).putLong(1L << 40).array());

    await().atMost(PATIENCE).until(() -> {
      client.poll(10);
      return peer.closedByClient();
    });
    server.configureBlocking(false);
    AtomicReference<SocketChannel> again = new AtomicReference<>();
    await().atMost(PATIENCE).until(() -> {
      client.poll(10);
      again.set(server.accept());
      return again.get() != null;
    });
    accepted.add(again.get());
  }

  private Peer accept(int minor, Zmtp.SocketType type) throws IOException {
    Peer peer = Peer.accept(server, minor, type);
    accepted.add(peer.channel);
    return peer;
  }

  private static byte[][] receive(ClientSocket client) {
    AtomicReference<byte[][]> message = new AtomicReference<>();
    await().atMost(PATIENCE).until(() -> {
      client.poll(10);
      message.set(client.receive());
      return message.get() != null;
    });
    return message.get();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A frame the peer read: its header's flags and its body. */
  private record Frame(int flags, byte[] body) {

    String command() {
      return (flags & Zmtp.COMMAND) == 0 ? null : new String(body, 1, body[0], StandardCharsets.US_ASCII);
    }

    byte[] commandData() {
      return Arrays.copyOfRange(body, 1 + body[0], body.length);
    }
  }

  /** The server side of one connection, non-blocking: reads only as the client, polled meanwhile, writes. */
  private static final class Peer {

    private final SocketChannel channel;
    private final ByteBuffer input = ByteBuffer.allocate(64 * 1024);
    private final List<Frame> frames = new ArrayList<>();
    private boolean greeted;

    private Peer(SocketChannel channel) {
      this.channel = channel;
    }

    /** Accepts the client's connection and greets it as a ZMTP 3.{@code minor} peer of {@code type}. */
    static Peer accept(ServerSocketChannel server, int minor, Zmtp.SocketType type) throws IOException {
      SocketChannel channel = server.accept();
      channel.configureBlocking(false);
      Peer peer = new Peer(channel);
      byte[] greeting = Zmtp.greeting();
      greeting[11] = (byte) minor;
      peer.write(greeting);
      peer.write(type.readyCommand(new byte[0]));
      return peer;
    }

    void write(byte[] bytes) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }

    Frame nextFrame(ClientSocket client) {
      await().atMost(PATIENCE).until(() -> {
        client.poll(10);
        readAvailable();
        return !frames.isEmpty();
      });
      return frames.remove(0);
    }

    boolean closedByClient() throws IOException {
      input.clear();
      return channel.read(input) < 0;
    }

    private void readAvailable() throws IOException, Zmtp.ZmtpException {
      channel.read(input);
      input.flip();
      if (!greeted && input.remaining() >= Zmtp.GREETING_SIZE) {
        input.position(Zmtp.GREETING_SIZE);
        greeted = true;
      }
      while (greeted) {
        Zmtp.FrameHeader header = Zmtp.FrameHeader.peek(input, input.capacity());
        if (header == null || input.remaining() < header.length() + header.size()) {
          break;
        }
        input.position(input.position() + header.length());
        byte[] body = new byte[(int) header.size()];
        input.get(body);
        frames.add(new Frame(header.flags(), body));
      }
      input.compact();
    }
  }
}
