"""The Journal facade: every use-case the CLI and the web UI call, and nothing else.

`Journal.create` / `Journal.open` unlock the encrypted store through `storage/vault.py`,
which owns the files and holds the data key until `close()`. Analysis is injected: an
`Analyzer` (tests pass a small fake); `None` means the real engine, imported at first
use so opening a journal never loads the model. Each user action is one transaction, so
a crash keeps it whole or not at all. Entry text is checked here: never empty, never a
NUL character (SQLite's text functions stop at NUL, so `length()` and exports would
disagree with what was stored), never lone surrogates (not encodable as UTF-8).

Imports sit at the top: every path that imports the facade opens the store anyway. The
one import inside a function is the analysis engine, in `shipped_analyzer`: it takes
about 160 ms with numpy (about a second once the model is loaded and has read one entry),
and a command that reads nothing, such as `tidewise write --no-analysis`, never pays it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from tidewise import clock
from tidewise.analysis.types import Analyzer, EntryAnalysis, PersonalReader, SentenceAnalysis
from tidewise.corrections import (
    CorrectionProblems,
    Request,
    fixed_by_entry,
    fixed_texts,
    label_of,
)
from tidewise.errors import (
    InputError,
    ModelFilesError,
    NotFoundError,
)
from tidewise.records import (
    Analysis,
    CheckIn,
    Correction,
    Cursor,
    Entry,
    EntryPage,
    ImportResult,
    NewEntry,
    Unread,
)
from tidewise.settings import DB_NAME, Settings
from tidewise.storage import backup, checks, engine, files, store
from tidewise.storage import corrections as saved
from tidewise.storage.keys import EarlyUnlock
from tidewise.storage.vault import Vault, carries_header

if TYPE_CHECKING:
    from tidewise.formats.base import CarriedCorrection  # the formats registry costs ~75 ms

Progress = Callable[[int, int], None]
T = TypeVar("T")  # what a reading callable returns: one entry's reading, or a batch's
ANALYSIS_BATCH = 32
# State key: the backups, exports and reports Tidewise wrote outside the journal file.
COPIES_KEY = "copies_written"


@dataclass(frozen=True)
class ErasedCopies:
    """What `erase` did with the copies Tidewise had recorded writing outside the journal."""

    erased: tuple[Path, ...] = ()
    unreachable: tuple[Path, ...] = ()  # gone, moved, on a disk not plugged in, or changed
    kept: tuple[Path, ...] = ()  # still there: the person chose to keep them


class Journal:
    """One unlocked journal. Thread-safe: one connection behind a lock."""

    def __init__(self, settings: Settings, vault: Vault, analyzer: Analyzer | None) -> None:
        self.settings = settings
        self._vault = vault
        self._analyzer = analyzer
        self._personal: tuple[tuple[int, int], Analyzer] | None = None  # (corrections mark, reader)
        self._lock = threading.RLock()
        created = store.get_meta(vault.connection(), "created_utc")
        self.started: datetime = clock.from_utc_text(created) if created else clock.now_utc()

    # ---- lifecycle: the files and the key are storage/vault.py's -------------------

    @staticmethod
    def exists(settings: Settings) -> bool:
        return Vault.exists(settings)

    @classmethod
    def create(
        cls, settings: Settings, passphrase: str, *, analyzer: Analyzer | None = None
    ) -> Journal:
        """A new, empty journal; refuses to touch an existing one."""
        return cls(settings, Vault.create(settings, passphrase), analyzer)

    @classmethod
    def open(
        cls,
        settings: Settings,
        passphrase: str,
        *,
        analyzer: Analyzer | None = None,
        early: EarlyUnlock | None = None,
    ) -> Journal:
        """Unlock: wrong passphrase -> WrongPassphraseError (nothing touched); damage -> 3.

        `early` is a key derivation the CLI started ahead of time; it is used only when
        it was made from this header file and this passphrase.
        """
        return cls(settings, Vault.open(settings, passphrase, early), analyzer)

    @classmethod
    def restore(
        cls,
        settings: Settings,
        source: Path,
        passphrase: str,
        *,
        analyzer: Analyzer | None = None,
    ) -> Journal:
        """Copy a backup folder (made by `backup`) into an empty journal home and open it."""
        Vault.restore(settings, source, passphrase)
        return cls.open(settings, passphrase, analyzer=analyzer)

    def close(self) -> None:
        """Zero the key and close the connection. Safe to call twice."""
        with self._lock:
            self._vault.close()

    def files_unchanged(self) -> bool:
        """False once the database or header file is gone or replaced since this opened.

        Another process (`tidewise erase`, a restore, a passphrase change) may do that
        while this one holds the journal open; anything written after would go into a
        deleted file or under a stale key, so a long-lived opener (the web UI) checks.
        """
        return self._vault.files_unchanged()

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        with self._lock:
            yield self._vault.connection()

    @contextlib.contextmanager
    def _write(self) -> Iterator[Any]:
        with self._connection() as con, engine.transaction(con):
            yield con

    # ---- analysis --------------------------------------------------------------------

    @property
    def shipped_analyzer(self) -> Analyzer:
        """The reader as shipped, without anything this journal taught it."""
        if self._analyzer is None:
            # Loads the on-device model lazily; opening a journal never pays for it.
            from tidewise.analysis.engine import default_analyzer

            self._analyzer = default_analyzer()
        return self._analyzer

    @property
    def analyzer(self) -> Analyzer:
        """This journal's reader: the shipped one, with the layer fitted on the person's
        corrections on top (refitted only when the corrections change)."""
        base = self.shipped_analyzer
        if not isinstance(base, PersonalReader):
            return base
        with self._connection() as con:
            mark = saved.fingerprint(con)
            if self._personal is not None and self._personal[0] == mark:
                return self._personal[1]
            texts, vectors, labels = saved.teaching(con)
        reader = base.personalised(texts, vectors, labels) if texts else base
        self._personal = (mark, reader)
        return reader

    def _read(
        self, texts: Sequence[str], fixed: Sequence[Mapping[str, str]]
    ) -> list[EntryAnalysis]:
        """Analyses of `texts`, each following the person's corrections in `fixed`."""
        reader = self.analyzer
        if not any(fixed):
            return reader.analyze_many(texts)
        if not isinstance(reader, PersonalReader):
            raise ModelFilesError
        return reader.analyze_many(texts, fixed=fixed)

    def _reading(self, mode: Analysis, read: Callable[[], T]) -> tuple[T | None, Unread | None]:
        """The reading of new text as `mode` asks: (reading, None), or (None, why not).
        `read` makes one entry's reading, or a batch's (an import: one decision for all).

        The one place that decides to save without a reading, for every edge: a missing
        model must never cost the person what they wrote.
        """
        if mode == Analysis.OFF:
            return None, Unread.ASKED
        try:
            return read(), None
        except (ModelFilesError, ImportError):  # no model files, or no onnxruntime
            if mode == Analysis.REQUIRED:
                raise
            return None, Unread.NO_READER

    def _read_one(self, entry_id: int, text: str) -> EntryAnalysis:
        """A reading of `text` as entry `entry_id`'s, following the person's corrections."""
        with self._connection() as con:
            fixed = self._fixed(con, [entry_id])
        return self._read([text], fixed)[0]

    def _fixed(self, con: Any, entry_ids: Sequence[int]) -> list[dict[str, str]]:
        maps = fixed_by_entry(saved.listed(con)) if saved.fingerprint(con)[0] else {}
        return [maps.get(entry_id, {}) for entry_id in entry_ids]

    def _analyze_many(
        self, texts: Sequence[str], progress: Progress | None, units: int
    ) -> list[EntryAnalysis]:
        results: list[EntryAnalysis] = []
        for start in range(0, len(texts), ANALYSIS_BATCH):
            results.extend(self.analyzer.analyze_many(texts[start : start + ANALYSIS_BATCH]))
            if progress is not None:
                progress(len(results), units)
        return results

    # ---- entries ---------------------------------------------------------------------

    def write(
        self,
        text: str,
        *,
        created: datetime | None = None,
        checkin: CheckIn | None = None,
        tags: Sequence[str] = (),
        analysis: Analysis = Analysis.REQUIRED,
        starred: bool = False,
    ) -> Entry:
        """Save one entry (analysed first, outside the write lock) in one transaction."""
        if created is not None:
            checks.when(created)  # before `aware`, which can overflow at the calendar's ends
        moment = clock.aware(created) if created is not None else clock.local_now()
        new = NewEntry(
            text=checks.clean_text(text),
            created=moment,
            time_zone=clock.zone_name(moment),
            checkin=None if checkin is None or checkin.empty else checkin,
            tags=checks.clean_tags(tags),
            starred=starred,
        )
        reading, unread = self._reading(analysis, lambda: self.analyzer.analyze(new.text))
        with self._write() as con:
            now = clock.now_utc()
            entry_id = store.insert_entry(con, new, now)
            if reading is not None:
                store.save_analysis(con, entry_id, self.analyzer.version, reading, now)
        return replace(self.get(entry_id), unread=unread)

    def edit(
        self,
        entry_id: int,
        *,
        text: str | None = None,
        checkin: CheckIn | None = None,
        tags: Sequence[str] | None = None,
        created: datetime | None = None,
        analysis: Analysis = Analysis.REQUIRED,
    ) -> Entry:
        """Change text, check-in (CheckIn() clears it), tags or date; new text is re-analysed."""
        if created is not None:
            checks.when(created)
        current = self.get(entry_id)
        new_text = checks.clean_text(text) if text is not None else current.text
        text_changed = new_text != current.text
        reading: EntryAnalysis | None = None
        unread: Unread | None = None
        if text_changed:
            reading, unread = self._reading(analysis, lambda: self._read_one(entry_id, new_text))
        with self._write() as con:
            now = clock.now_utc()
            if not store.exists(con, entry_id):
                raise NotFoundError
            if text_changed:
                store.update_text(con, entry_id, new_text, now)
                if reading is None:
                    store.drop_analysis(con, entry_id)  # never keep an analysis of old text
                else:
                    store.save_analysis(con, entry_id, self.analyzer.version, reading, now)
            if checkin is not None:
                store.update_checkin(con, entry_id, checkin, now)
            if tags is not None:
                store.set_tags(con, entry_id, checks.clean_tags(tags))
                store.touch(con, entry_id, now)
            if created is not None:
                store.update_created(con, entry_id, clock.aware(created), now)
        return replace(self.get(entry_id), unread=unread)

    def delete(self, entry_id: int) -> None:
        with self._write() as con:
            store.delete_entry(con, entry_id)

    def get(self, entry_id: int) -> Entry:
        with self._connection() as con:
            return store.get_entry(con, entry_id)

    def entries(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        tag: str | None = None,
        phase: str | None = None,
        limit: int | None = None,
        newest_first: bool = True,
        starred: bool | None = None,
    ) -> list[Entry]:
        """Entries matching every filter given; `starred=True` keeps only starred ones.

        The period is half-open, since <= created < until, as everywhere (`clock`)."""
        wanted_tag = None if tag is None else (checks.clean_tags([tag]) or ("",))[0]
        with self._connection() as con:
            return store.query_entries(
                con,
                since=since,
                until=until,
                tag=wanted_tag,
                phase=phase,
                limit=limit,
                newest_first=newest_first,
                starred=starred,
            )

    def page(
        self,
        *,
        before: Cursor | None = None,
        limit: int,
        tag: str | None = None,
        phase: str | None = None,
        starred: bool | None = None,
    ) -> EntryPage:
        """Up to `limit` entries, newest first, that come after `before` in the list.

        Give the page's `next` as `before` for the following page: each entry then comes
        once, even when many share an instant."""
        wanted_tag = None if tag is None else (checks.clean_tags([tag]) or ("",))[0]
        place = None if before is None else (before.created, before.entry_id)
        with self._connection() as con:
            found = store.page_of_entries(
                con, before=place, limit=limit + 1, tag=wanted_tag, phase=phase, starred=starred
            )
        shown = tuple(found[:limit])
        more = len(found) > limit and bool(shown)
        return EntryPage(shown, Cursor.at(shown[-1]) if more else None)

    def tags(self) -> tuple[str, ...]:
        """Every tag the journal uses, sorted."""
        with self._connection() as con:
            return store.tags(con)

    def search(self, query: str, *, limit: int | None = None) -> list[Entry]:
        """Entries containing every word of `query` (accents and case ignored), newest first."""
        match = store.fts_query(query.replace("\x00", " "))
        if not match:
            return []
        with self._connection() as con:
            return store.search_entries(con, match, limit)

    def count(
        self, *, tag: str | None = None, phase: str | None = None, starred: bool | None = None
    ) -> int:
        """How many entries; with filters, how many `entries()` would give for them."""
        with self._connection() as con:
            if tag is None and phase is None and starred is None:
                return store.count(con)
            wanted_tag = None if tag is None else (checks.clean_tags([tag]) or ("",))[0]
            return store.count_matching(con, tag=wanted_tag, phase=phase, starred=starred)

    def set_shared(self, entry_id: int, shared: bool) -> None:
        with self._write() as con:
            store.set_shared(con, entry_id, shared)

    def set_starred(self, entry_id: int, starred: bool) -> None:
        """Star or unstar an entry. A mark for the person, not a change to the entry:
        its `updated` time stays as it was, like the shared mark."""
        with self._write() as con:
            store.set_starred(con, entry_id, starred)

    def logical_hash(self) -> str:
        """A hash of the journal's content: equal before and after a no-op (tests, imports)."""
        with self._connection() as con:
            return store.logical_hash(con)

    # ---- bulk ------------------------------------------------------------------------

    def import_entries(
        self,
        entries: Sequence[NewEntry],
        *,
        progress: Progress | None = None,
        analysis: Analysis = Analysis.REQUIRED,
        analyses: Mapping[str, EntryAnalysis] | None = None,
    ) -> ImportResult:
        """All entries in ONE transaction; entries whose import_key exists are skipped.

        `analysis` as for `write`: with IF_AVAILABLE a missing model imports the entries
        unread (`ImportResult.unread` says why) instead of failing. `progress(done,
        total)` counts analysed entries then written ones (total is twice the new entries
        when analysing, once otherwise). `analyses` (by import key) come with Tidewise's
        own export: one made by the current analyser version is kept as it was, so a
        round trip gives the same journal; any other is analysed afresh.
        """
        checked = [checks.checked_new_entry(entry) for entry in entries]
        with self._connection() as con:
            known = store.existing_import_keys(con, [e.import_key for e in checked if e.import_key])
        fresh = checks.dedupe(checked, known)
        readings, unread = self._reading(
            analysis, lambda: self._import_analyses(fresh, analyses or {}, progress)
        )
        results = readings or []
        units = len(fresh) * (2 if readings is not None else 1)
        written = 0
        with self._write() as con:
            now = clock.now_utc()
            again = store.existing_import_keys(con, [e.import_key for e in fresh if e.import_key])
            for index, entry in enumerate(fresh):
                if entry.import_key in again:
                    continue
                entry_id = store.insert_entry(con, entry, now)
                if results:
                    version, reading = results[index]
                    store.save_analysis(con, entry_id, version, reading, now)
                written += 1
        if progress is not None:
            progress(units, units)
        return ImportResult(imported=written, skipped=len(entries) - written, unread=unread)

    def _import_analyses(
        self,
        fresh: Sequence[NewEntry],
        given: Mapping[str, EntryAnalysis],
        progress: Progress | None,
    ) -> list[tuple[str, EntryAnalysis]]:
        """(version, analysis) per entry: a given one of the current version, else a new one."""
        version = self.analyzer.version
        kept: dict[int, EntryAnalysis] = {}
        for i, entry in enumerate(fresh):
            offered = given.get(entry.import_key or "")
            if offered is not None and offered.version == version:
                kept[i] = offered
        todo = [i for i in range(len(fresh)) if i not in kept]
        units = len(fresh) * 2
        made = self._analyze_many([fresh[i].text for i in todo], progress, units)
        kept.update(zip(todo, made, strict=True))
        return [(version, kept[i]) for i in range(len(fresh))]

    def reanalyze(self, *, progress: Progress | None = None, force: bool = False) -> int:
        """Analyse entries with no analysis or another analyser version; one batch per commit."""
        version = self.analyzer.version
        with self._connection() as con:
            todo = store.needing_analysis(con, version, force)
            fixed = self._fixed(con, [entry_id for entry_id, _ in todo])
        done = 0
        for start in range(0, len(todo), ANALYSIS_BATCH):
            batch = todo[start : start + ANALYSIS_BATCH]
            window = fixed[start : start + ANALYSIS_BATCH]
            analyses = self._read([text for _, text in batch], window)
            with self._write() as con:
                now = clock.now_utc()
                for (entry_id, text), analysis in zip(batch, analyses, strict=True):
                    if store.current_text(con, entry_id) == text:  # skip entries edited meanwhile
                        store.save_analysis(con, entry_id, version, analysis, now)
            done += len(batch)
            if progress is not None:
                progress(done, len(todo))
        return len(todo)

    # ---- keys, backups, erase --------------------------------------------------------

    def change_passphrase(self, old: str, new: str) -> list[Path]:
        """Re-key: a new data key, the database re-encrypted, the header replaced.

        Crash-safe (storage/rekey.py): at every instant exactly one of `old` and `new`
        opens the journal, and afterwards `old` with any old header opens nothing
        current. Returns the backup folders Tidewise knows of that still open with
        `old` (their header is the one being replaced), so the person can be told.
        """
        with self._lock:
            folders = self._backup_folders()  # listed first: the change is the last step
            replaced = self._vault.change_passphrase(old, new)
        return [folder for folder in folders if carries_header(folder, replaced)]

    def _backup_folders(self) -> list[Path]:
        """Automatic backups plus every backup folder Tidewise recorded making."""
        automatic = sorted(p for p in self.settings.backups_dir.glob("*") if (p / DB_NAME).exists())
        recorded = [Path(c["path"]) for c in self.copies_written() if c["kind"] == "backup"]
        return list(dict.fromkeys([*automatic, *recorded]))

    def backup(self, dest: Path | None = None) -> Path:
        """A verified encrypted copy in folder `dest` (default: backups/<time>, 5 kept)."""
        automatic = dest is None
        folder = dest or self.settings.backups_dir / clock.now_utc().strftime("%Y%m%dT%H%M%S%fZ")
        with self._lock:
            path = self._vault.backup(folder)
        if automatic:
            backup.prune(self.settings.backups_dir)
        else:
            self.note_copy("backup", path)
        return path

    def erase(self, *, copies: bool = False) -> ErasedCopies:
        """Close, then delete the database, its WAL files, the header and all automatic
        backups. With `copies`, also the backups, exports and reports Tidewise recorded
        writing elsewhere; either way the result names every one of them, so what the
        person is told is true."""
        with self._lock:
            known = self.copies_written() if not self._vault.closed else []
            self._vault.erase()
        erased: list[Path] = []
        missing: list[Path] = []
        kept: list[Path] = []
        for copy in known:
            path = Path(copy["path"])
            if not copies:
                if path.exists():
                    kept.append(path)
                continue
            outcome = files.erase_copy(copy)
            {"erased": erased, "missing": missing, "kept": kept}[outcome].append(path)
        return ErasedCopies(erased=tuple(erased), unreachable=tuple(missing), kept=tuple(kept))

    # ---- copies written outside the journal ------------------------------------------

    def note_copy(self, kind: str, path: Path) -> None:
        """Remember a backup folder, export or report Tidewise wrote (for `erase`).

        Files are recorded with their size and modification time: `erase` removes a file
        only while it is still the one Tidewise wrote, never a different file that took
        its name later.
        """
        where = str(path.resolve())
        copies = [c for c in self.copies_written() if c["path"] != where]
        copies.append({"kind": kind, "path": where, "fingerprint": files.fingerprint(kind, path)})
        self.set_state(COPIES_KEY, copies)

    def scratch_dir(self) -> Path:
        """A private folder in the journal's own folder for files being written (exports,
        reports, uploads): a command killed mid-write leaves its plaintext only there."""
        return files.scratch_dir(self.settings)

    @staticmethod
    def shred(path: Path) -> None:
        """Overwrite and remove a scratch file (an upload already read, a half-written export)."""
        files.shred(path)

    @staticmethod
    def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
        """Tags as `write` would store them; the CLI checks them before starting any thread."""
        return checks.clean_tags(tags)

    def copies_written(self) -> list[dict[str, str]]:
        """[{"kind": "backup" | "export" | "report", "path": absolute path, "fingerprint"}]."""
        kept = self.get_state(COPIES_KEY)
        if not isinstance(kept, list):
            return []
        return [
            {"kind": c["kind"], "path": c["path"], "fingerprint": str(c.get("fingerprint", ""))}
            for c in kept
            if isinstance(c, dict)
            and isinstance(c.get("kind"), str)
            and isinstance(c.get("path"), str)
        ]

    # ---- corrections: the person's own reading -----------------------------------------

    def correct(self, requests: Sequence[Request]) -> list[Correction]:
        """Apply every correction or none, then read the corrected entries again with what
        the journal has now learned. Any request that cannot be applied raises
        `CorrectionProblems` naming each one (by its index), and nothing is applied."""
        if not requests:
            return []
        with self._connection() as con:
            entries, problems = _checked(con, store, requests)
        if problems:
            raise CorrectionProblems(problems)
        base = self.shipped_analyzer
        if not isinstance(base, PersonalReader):
            raise ModelFilesError
        chosen = [_sentence_of(entries[r.entry_id], r.sentence) for r in requests]
        vectors = base.embed([s.text for s in chosen])
        ids: list[int] = []
        with self._write() as con:
            now = clock.now_utc()
            for index, (request, sentence) in enumerate(zip(requests, chosen, strict=True)):
                new = saved.NewCorrection(
                    entry_id=request.entry_id,
                    sentence=request.sentence,
                    text=sentence.text,
                    was=sentence.reader_label or sentence.label,
                    label=label_of(request.label),
                    vector=vectors[index],
                )
                ids.append(saved.save(con, new, now))
        self._read_again(sorted(entries))
        with self._connection() as con:
            return saved.listed(con, ids=ids)

    def restore_corrections(self, carried: Sequence[CarriedCorrection]) -> int:
        """Bring back corrections from a Tidewise export (after its entries were imported);
        each keeps its date. Returns how many now apply."""
        base = self.shipped_analyzer
        if not carried or not isinstance(base, PersonalReader):
            return 0
        with self._connection() as con:
            ids = saved.entry_ids_by_import_key(con, sorted({c.import_key for c in carried}))
        kept = [c for c in carried if c.import_key in ids]
        vectors = base.embed([c.text for c in kept]) if kept else []
        with self._write() as con:
            for c, vector in zip(kept, vectors, strict=True):
                new = saved.NewCorrection(
                    ids[c.import_key], c.sentence, c.text, c.was, c.label, vector
                )
                saved.save(con, new, clock.aware(datetime.fromisoformat(c.created)))
        self._read_again(sorted({ids[c.import_key] for c in kept}))
        return len(kept)

    def corrections(self, *, entry_id: int | None = None) -> list[Correction]:
        """The person's corrections, oldest first."""
        with self._connection() as con:
            return saved.listed(con, entry_id=entry_id)

    def undo_correction(self, correction_id: int) -> Correction:
        """Take one correction back; its entry is read again without it."""
        with self._write() as con:
            removed = saved.remove(con, correction_id)
        self._read_again([removed.entry_id])
        return removed

    def forget_corrections(self) -> int:
        """Forget everything the journal learned from the person; returns how many."""
        with self._write() as con:
            touched = sorted({c.entry_id for c in saved.listed(con)})
            count = saved.remove_all(con)
        self._read_again(touched)
        return count

    def stale_readings(self) -> int:
        """How many entries were read by an older reader (another personal layer, too)."""
        version = self.analyzer.version
        with self._connection() as con:
            return len(store.needing_analysis(con, version, False))

    def classify(self, texts: Sequence[str]) -> list[tuple[str, dict[str, float]]]:
        """Each text as one unit, through this journal's personal reader; a sentence the
        person corrected reads as they said."""
        reader = self.analyzer
        if not isinstance(reader, PersonalReader):
            raise ModelFilesError
        return reader.classify(texts, fixed=fixed_texts(self.corrections()))

    def _read_again(self, entry_ids: Sequence[int]) -> None:
        """Re-read these entries with the current reader (skipping any edited meanwhile)."""
        with self._connection() as con:
            rows = [(i, store.current_text(con, i)) for i in entry_ids]
            todo = [(i, text) for i, text in rows if text is not None]
            fixed = self._fixed(con, [i for i, _ in todo])
        if not todo:
            return
        analyses = self._read([text for _, text in todo], fixed)
        version = self.analyzer.version
        with self._write() as con:
            now = clock.now_utc()
            for (entry_id, text), analysis in zip(todo, analyses, strict=True):
                if store.current_text(con, entry_id) == text:
                    store.save_analysis(con, entry_id, version, analysis, now)

    # ---- state -----------------------------------------------------------------------

    def get_state(self, key: str) -> Any | None:
        with self._connection() as con:
            return store.get_state(con, checks.state_key(key))

    def set_state(self, key: str, value: Any) -> None:
        """Store any JSON value under `key` (None deletes it); encrypted like entries."""
        with self._write() as con:
            try:
                store.set_state(con, checks.state_key(key), value, clock.now_utc())
            except (TypeError, ValueError):
                msg = "That value cannot be stored (it is not plain JSON)."
                raise InputError(msg) from None


def _sentence_of(entry: Entry, number: int) -> SentenceAnalysis:
    assert entry.analysis is not None  # checked by _correction_problem
    return entry.analysis.sentences[number - 1]


def _checked(
    con: Any, store: Any, requests: Sequence[Request]
) -> tuple[dict[int, Entry], list[tuple[int, str]]]:
    """The requested entries, and (index, message) for each request that cannot be
    applied, in one pass (messages never carry entry text)."""
    entries: dict[int, Entry] = {}
    problems: list[tuple[int, str]] = []
    for index, request in enumerate(requests):
        message = _correction_problem(con, store, request, entries)
        if message is not None:
            problems.append((index, message))
    return entries, problems


def _correction_problem(
    con: Any, store: Any, request: Request, entries: dict[int, Entry]
) -> str | None:
    """Why this correction cannot be applied, in words without any entry text."""
    try:
        label_of(request.label)
    except InputError as err:
        return str(err)
    if request.entry_id not in entries:
        try:
            entries[request.entry_id] = store.get_entry(con, request.entry_id)
        except NotFoundError:
            return f"There is no entry {request.entry_id}."
    entry = entries[request.entry_id]
    if entry.analysis is None or not entry.analysis.sentences:
        return (
            f"Entry {request.entry_id} has no sentences read yet (`tidewise reanalyze` reads it)."
        )
    count = len(entry.analysis.sentences)
    if not 1 <= request.sentence <= count:
        number = request.sentence
        return f"Entry {request.entry_id} has sentences 1 to {count}; there is no {number}."
    return None
