"""Web UI under load: 20 concurrent clients on loopback for 30 s, ten years of entries.

The journal holds 3,650 entries whose label distributions come from the cycle's
synthetic generator (realistic `label_mass`, check-ins and tags), written through
`Journal.import_entries` with an analyser that returns those distributions. The
server runs in a child process (its own interpreter lock) on 127.0.0.1; 20 client
threads unlock once, then alternate GET /journal and GET /tide for 30 s (a bounded
loop, every request to 127.0.0.1). Reported: errors, p50/p95/p99 per page, requests
per second, and the first (uncached) tide page. TIDEWISE_WEB_BENCH_SECONDS shortens it.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import statistics
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import LABEL_NAMES, PHASES, Distancing, Label, Movement
from tidewise.cycle.observation import Observation
from tidewise.cycle.synthetic import SyntheticSpec, generate
from tidewise.journal import Journal
from tidewise.records import CheckIn, NewEntry
from tidewise.settings import TEST_KDF, Settings

ENTRIES = 3650
CLIENTS = 20
SECONDS = float(os.environ.get("TIDEWISE_WEB_BENCH_SECONDS", "30"))
MAX_REQUESTS_PER_CLIENT = 100_000
PASSPHRASE = "bench web passphrase"
TOKEN = "bench-launch-token"
PAGES = ("/journal", "/tide")
TARGET_P95_MS = 150.0
SENTENCE = "Today the house felt {0} and I noticed it in my body before I had words for it."
MOODS = ("warm", "cold", "heavy", "quiet", "tense", "soft", "loud", "still")


def _observations() -> list[Observation]:
    loops = 60
    while True:
        found = generate(SyntheticSpec(loops=loops, seed=7, noise=0.15)).observations
        if len(found) >= ENTRIES:
            return list(found[:ENTRIES])
        loops *= 2


class SyntheticAnalyzer:
    """Returns the synthetic label distribution of the entry numbered in its first word."""

    version = "bench-synthetic-1"

    def __init__(self, observations: Sequence[Observation]) -> None:
        self.observations = observations

    def analyze(self, text: str) -> EntryAnalysis:
        number = int(text.split(" ", 1)[0].lstrip("#"))
        mass = dict(zip(LABEL_NAMES, self.observations[number].probs, strict=True))
        label = max(mass, key=lambda name: mass[name])
        phase = max((str(p) for p in PHASES), key=lambda name: mass[name])
        end = text.find(".") + 1
        sentence = SentenceAnalysis(text[:end], 0, end, Label(label), mass)
        return EntryAnalysis(
            version=self.version,
            sentences=(sentence,),
            movement=Movement.TOWARD if phase == Label.REACHING else Movement.AWAY,
            phase=Label(phase),
            shame=Shame(mass["attachment_shame"], mass["disconnection_shame"]),
            shame_voice=(),
            distancing=Distancing.NONE,
            safety=Safety(concern=False),
            label_mass=mass,
        )

    def analyze_many(self, texts: Sequence[str]) -> list[EntryAnalysis]:
        return [self.analyze(text) for text in texts]


def _new_entries(observations: Sequence[Observation]) -> list[NewEntry]:
    entries = []
    for number, observation in enumerate(observations):
        words = " ".join(SENTENCE.format(MOODS[(number + k) % len(MOODS)]) for k in range(6))
        entries.append(
            NewEntry(
                text=f"#{number} {words}",
                created=observation.time,
                checkin=CheckIn(observation.closeness, observation.shame),
                tags=observation.tags,
            )
        )
    return entries


def build_journal(home: Path) -> float:
    observations = _observations()
    settings = Settings(home=home, kdf=TEST_KDF)
    started = time.perf_counter()
    with Journal.create(settings, PASSPHRASE, analyzer=SyntheticAnalyzer(observations)) as journal:
        journal.import_entries(_new_entries(observations))
        assert journal.count() == ENTRIES
    return time.perf_counter() - started


def _serve_child(home: str, port: int) -> None:
    """The server process: the app over the bench journal on 127.0.0.1:`port`."""
    from tidewise.web.app import create_app
    from tidewise.web.server import bind_socket, make_server

    settings = Settings(home=Path(home), kdf=TEST_KDF)
    app = create_app(
        settings, port=port, analyzer=SyntheticAnalyzer(_observations()), launch_token=TOKEN
    )
    make_server(app).run(sockets=[bind_socket(port)])


def _free_port() -> int:
    from tidewise.web.server import bind_socket

    sock = bind_socket(0)
    port = int(sock.getsockname()[1])
    sock.close()
    return port


def _wait_up(base: str) -> None:
    for _ in range(400):
        try:
            httpx.get(f"{base}/help-now", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    msg = "the bench server did not start"
    raise RuntimeError(msg)


def _unlock(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=30)
    client.get(f"/launch/{TOKEN}")
    page = client.get("/unlock").text
    token = re.search(r'name="form_token" value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        "/unlock",
        data={"passphrase": PASSPHRASE, "form_token": token.group(1)},
        headers={"origin": base},
    )
    assert response.status_code == 303, response.status_code
    return client


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PAGES})
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _client_loop(base: str, cookies: httpx.Cookies, deadline: float, tally: Tally, n: int) -> None:
    assert base.startswith("http://127.0.0.1:")
    mine: dict[str, list[float]] = {p: [] for p in PAGES}
    errors = 0
    with httpx.Client(base_url=base, cookies=cookies, timeout=30) as client:
        for count in range(MAX_REQUESTS_PER_CLIENT):
            if time.perf_counter() >= deadline:
                break
            page = PAGES[(count + n) % len(PAGES)]
            started = time.perf_counter()
            try:
                ok = client.get(page).status_code == 200
            except httpx.HTTPError:
                ok = False
            mine[page].append(time.perf_counter() - started)
            errors += 0 if ok else 1
    with tally.lock:
        for page in PAGES:
            tally.latencies[page] += mine[page]
        tally.errors += errors


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run() -> str:
    with tempfile.TemporaryDirectory(prefix="tidewise-bench-web-") as folder:
        home = Path(folder) / "journal"
        build_seconds = build_journal(home)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        child = multiprocessing.get_context("fork").Process(
            target=_serve_child, args=(str(home), port), daemon=True
        )
        child.start()
        try:
            _wait_up(base)
            client = _unlock(base)
            started = time.perf_counter()
            assert client.get("/tide").status_code == 200
            cold_tide = time.perf_counter() - started
            tally = Tally()
            began = time.perf_counter()
            threads = [
                threading.Thread(
                    target=_client_loop,
                    args=(base, client.cookies, began + SECONDS, tally, n),
                )
                for n in range(CLIENTS)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - began
            client.close()
        finally:
            child.terminate()
            child.join(10)
    return _table(tally, elapsed, cold_tide, build_seconds)


def _table(tally: Tally, elapsed: float, cold_tide: float, build_seconds: float) -> str:
    everything = [v for values in tally.latencies.values() for v in values]
    lines = [
        f"### Web UI: {CLIENTS} clients on 127.0.0.1 for {elapsed:.0f} s, "
        f"{ENTRIES:,}-entry journal",
        "",
        "| page | requests | p50 ms | p95 ms | p99 ms | mean ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for page, values in [*tally.latencies.items(), ("both", everything)]:
        lines.append(
            f"| {page} | {len(values):,} | {_ms(values, 0.50):.1f} | {_ms(values, 0.95):.1f} "
            f"| {_ms(values, 0.99):.1f} | {1000 * statistics.fmean(values):.1f} |"
        )
    p95 = _ms(everything, 0.95)
    verdict = "met" if p95 <= TARGET_P95_MS and tally.errors == 0 else "NOT met"
    lines += [
        "",
        f"- requests per second: {len(everything) / elapsed:,.0f}; errors: {tally.errors}",
        f"- target p95 <= {TARGET_P95_MS:.0f} ms with zero errors: **{verdict}** "
        f"(p95 {p95:.1f} ms)",
        f"- first /tide after unlock (decodes 3,650 entries, then cached): "
        f"{1000 * cold_tide:.0f} ms",
        f"- building the journal (import of {ENTRIES:,} analysed entries): {build_seconds:.1f} s",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
