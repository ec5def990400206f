"""One client flooding /api/ask: N keep-alive connections from its own loopback address, back to back, for D seconds."""
import asyncio, collections, sys, time

HOST, PORT, SOURCE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
CONNECTIONS, SECONDS = int(sys.argv[4]), float(sys.argv[5])
BODY = b'{"question": "When did Russia and Pakistan sign the gas pipeline deal?"}'
REQUEST = (b"POST /api/ask HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (HOST.encode(), PORT, len(BODY))) + BODY
statuses = collections.Counter()

async def one(deadline):
    reader, writer = await asyncio.open_connection(HOST, PORT, local_addr=(SOURCE, 0))
    while time.monotonic() < deadline:
        writer.write(REQUEST)
        await writer.drain()
        status = (await reader.readline()).split(b" ")[1].decode()
        length, chunked = 0, False
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
            if line.lower().startswith(b"transfer-encoding:") and b"chunked" in line.lower():
                chunked = True
        if chunked:
            while True:
                size = int((await reader.readline()).strip(), 16)
                await reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await reader.readexactly(length)
        statuses[status] += 1
    writer.close()

async def main():
    deadline = time.monotonic() + SECONDS
    await asyncio.gather(*(one(deadline) for _ in range(CONNECTIONS)), return_exceptions=True)
    print("FLOOD " + " ".join(f"{k}={v}" for k, v in sorted(statuses.items())) + f" rps={sum(statuses.values()) / SECONDS:.1f}")

asyncio.run(main())
