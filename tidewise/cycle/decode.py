"""Decode a journal's entries into a phase timeline with a hidden Markov model.

Hidden states are the six phases (PHASES order). Each entry's evidence is its label
distribution from the analysis engine, taken as *soft evidence*: the likelihood of
phase s is sum_l q(l) * C[s, l], where q is the entry's distribution and C says how
often an entry truly in phase s reads as label l (the classifier's own confusion,
with `neutral` equally likely under every phase, so a plain, factual entry says
nothing about the phase). C is fixed (match 0.6, neutral 0.15); the text likelihood
is raised to `evidence_weight` (2.0) because an entry's label mass averages its
sentences and so understates how clearly the entry reads. A check-in adds evidence:
closeness and shame each have a usual value per phase (a broad Gaussian), multiplied
into the likelihood. Viterbi gives the phase path; forward-backward the posteriors.

Transitions start from the cycle's prior (`phases.cycle_prior`) and are adapted to
the person's own history with a few Baum-Welch (EM) iterations under a Dirichlet
prior: new row i is proportional to the expected move counts plus `prior_strength`
pseudo-counts spread like the prior row. A short journal therefore keeps the cycle's
shape; a long one learns its own rhythm.

Time between entries: entries a day or less apart use the transition matrix A as is.
After a longer gap the person may be anywhere, so the step uses
A(dt) = w(dt) * A + (1 - w(dt)) * 1 pi^T, where pi is A's stationary distribution and
w(dt) = exp(-(dt - 1 day) / gap_scale) decays with the days beyond the first.

Why numpy and not hmmlearn: hmmlearn's emission models (Gaussian, categorical,
multinomial, GMM) score observed symbols or vectors, and none of them accepts a
classifier's per-entry probability vector as soft evidence; nor does it take a
transition matrix that changes with the time between entries. It would also put
scikit-learn on the run-time path of a journal. The recursions here are a few lines
each, scaled to avoid underflow, and linear in the number of entries.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from tidewise.cycle.labels import LABELS, PHASES, Label
from tidewise.cycle.observation import Observation
from tidewise.cycle.phases import (
    DEFAULT_STAY,
    NEUTRAL_COLUMN,
    PHASE_COLUMNS,
    PHASE_COUNT,
    FloatArray,
    cycle_prior,
    stationary,
)

IntArray = npt.NDArray[np.int64]
SECONDS_PER_DAY = 86400.0

# The usual check-in closeness (-3..3) and shame (0..10) in each phase, PHASES order.
_CLOSENESS_MEAN = np.array([1.5, 0.5, -1.0, -2.0, -2.0, -1.0])
_SHAME_MEAN = np.array([3.0, 7.0, 7.0, 4.0, 4.0, 4.0])
_CLOSENESS_SD = 1.5
_SHAME_SD = 2.5


@dataclass(frozen=True)
class DecodeSettings:
    """Knobs of the model; the defaults are what the CLI and the report use."""

    stay: float = DEFAULT_STAY
    iterations: int = 5
    prior_strength: float = 30.0
    gap_free_days: float = 1.0
    gap_scale_days: float = 7.0
    match: float = 0.6  # C[s, s]: an entry in phase s reads as label s
    neutral: float = 0.15  # C[s, neutral]: it reads as plain telling
    checkin_weight: float = 1.0
    # An entry's label mass averages its sentences, which flattens it; raising the text
    # likelihood to this power sharpens it back. Chosen with match and neutral on
    # synthetic journals (cycle/synthetic.py): 2.0 keeps two-entry swings when labels
    # are clean, and does not chase labels flipped at random 20% of the time.
    evidence_weight: float = 2.0


@dataclass(frozen=True)
class Decoded:
    """The decoded timeline, in time order (ties keep the input order)."""

    observations: tuple[Observation, ...]
    states: IntArray  # most likely phase sequence (Viterbi), indexes into PHASES
    posteriors: FloatArray  # (n, 6) chance of each phase at each entry
    transitions: FloatArray  # the learned 6x6 transition matrix
    log_likelihood: float

    @property
    def phases(self) -> tuple[Label, ...]:
        return tuple(PHASES[int(s)] for s in self.states)

    def __len__(self) -> int:
        return len(self.observations)

    def between(self, since: datetime | None = None, until: datetime | None = None) -> Decoded:
        """The part of the timeline with since <= time < until (either end may be open)."""
        stamps = [o.time.timestamp() for o in self.observations]
        low = 0 if since is None else bisect.bisect_left(stamps, since.timestamp())
        high = len(stamps) if until is None else bisect.bisect_left(stamps, until.timestamp())
        high = max(low, high)
        return Decoded(
            self.observations[low:high],
            self.states[low:high],
            self.posteriors[low:high],
            self.transitions,
            self.log_likelihood,
        )


def sort_observations(
    observations: list[Observation] | tuple[Observation, ...],
) -> list[Observation]:
    """Observations in time order; equal instants keep their given order."""
    return sorted(observations, key=lambda o: o.time.astimezone(UTC))


def emission_matrix(match: float, neutral: float) -> FloatArray:
    """C[s, l]: how often an entry in phase s reads as label l (rows sum to 1)."""
    other = (1.0 - match - neutral) / (PHASE_COUNT - 1)
    matrix = np.full((PHASE_COUNT, len(LABELS)), other)
    matrix[:, NEUTRAL_COLUMN] = neutral
    for state, column in enumerate(PHASE_COLUMNS):
        matrix[state, column] = match
    return matrix


def label_matrix(observations: list[Observation]) -> FloatArray:
    """(n, 7) label distributions, normalised; an all-zero row becomes uniform."""
    probs = np.array([o.probs for o in observations], dtype=np.float64).reshape(-1, len(LABELS))
    sums = probs.sum(axis=1, keepdims=True)
    safe = np.where(sums > 0, sums, 1.0)
    return np.asarray(np.where(sums > 0, probs / safe, 1.0 / len(LABELS)), dtype=np.float64)


def checkin_evidence(observations: list[Observation], settings: DecodeSettings) -> FloatArray:
    """(n, 6) likelihood of each check-in under each phase; 1 where none was given."""
    closeness = np.array([np.nan if o.closeness is None else o.closeness for o in observations])
    shame = np.array([np.nan if o.shame is None else o.shame for o in observations])
    factor = _checkin_factor(closeness, _CLOSENESS_MEAN, _CLOSENESS_SD, settings)
    return factor * _checkin_factor(shame, _SHAME_MEAN, _SHAME_SD, settings)


def _checkin_factor(
    values: FloatArray, means: FloatArray, sd: float, settings: DecodeSettings
) -> FloatArray:
    """Gaussian evidence of a check-in value per phase; 1 where no value was given."""
    z = (values[:, None] - means[None, :]) / sd
    factor = np.exp(-0.5 * settings.checkin_weight * z**2)
    return np.asarray(np.where(np.isnan(values)[:, None], 1.0, factor), dtype=np.float64)


def gap_weights(observations: list[Observation], settings: DecodeSettings) -> FloatArray:
    """w[t] in 0..1: how much step t (from entry t-1) follows the learned moves."""
    stamps = np.array([o.time.timestamp() for o in observations], dtype=np.float64)
    days = np.diff(stamps, prepend=stamps[:1]) / SECONDS_PER_DAY if len(stamps) else stamps
    excess = np.clip(days - settings.gap_free_days, 0.0, None)
    return np.asarray(np.exp(-excess / settings.gap_scale_days), dtype=np.float64)


def forward_backward(
    emissions: FloatArray, transitions: FloatArray, weights: FloatArray, start: FloatArray
) -> tuple[FloatArray, FloatArray, float]:
    """Posteriors (n, 6), expected move counts under A (6, 6), and the log-likelihood."""
    n = emissions.shape[0]
    target = stationary(transitions)
    alpha = np.empty_like(emissions)
    scale = np.empty(n)
    current = start * emissions[0]
    scale[0] = current.sum()
    alpha[0] = current / scale[0]
    for t in range(1, n):
        w = weights[t]
        current = (w * (alpha[t - 1] @ transitions) + (1.0 - w) * target) * emissions[t]
        scale[t] = current.sum()
        alpha[t] = current / scale[t]
    beta = np.empty_like(emissions)
    beta[n - 1] = 1.0
    for t in range(n - 1, 0, -1):
        w = weights[t]
        carried = emissions[t] * beta[t]
        beta[t - 1] = (w * (transitions @ carried) + (1.0 - w) * (target @ carried)) / scale[t]
    posteriors = alpha * beta
    posteriors /= posteriors.sum(axis=1, keepdims=True)
    carried_all = emissions[1:] * beta[1:]
    left = alpha[:-1] * (weights[1:] / scale[1:])[:, None]
    counts = transitions * (left.T @ carried_all)
    return posteriors, np.asarray(counts), float(np.log(scale).sum())


def viterbi(
    emissions: FloatArray, transitions: FloatArray, weights: FloatArray, start: FloatArray
) -> IntArray:
    """The single most likely phase sequence, by max-product in log space."""
    n = emissions.shape[0]
    target = stationary(transitions)
    log_emissions = np.log(emissions)
    log_plain = np.log(transitions)
    back = np.empty((n, PHASE_COUNT), dtype=np.int64)
    score = np.log(start) + log_emissions[0]
    for t in range(1, n):
        w = weights[t]
        log_step = log_plain if w >= 1.0 else np.log(w * transitions + (1.0 - w) * target)
        candidates = score[:, None] + log_step
        back[t] = candidates.argmax(axis=0)
        score = candidates[back[t], np.arange(PHASE_COUNT)] + log_emissions[t]
    states = np.empty(n, dtype=np.int64)
    states[n - 1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        states[t - 1] = back[t, states[t]]
    return states


@dataclass(frozen=True)
class Fit:
    transitions: FloatArray
    emissions: FloatArray
    posteriors: FloatArray
    log_likelihood: float


def fit(
    labels: FloatArray, checkins: FloatArray, weights: FloatArray, settings: DecodeSettings
) -> Fit:
    """Baum-Welch on the transitions under a Dirichlet prior shaped like the cycle.

    Row i becomes (expected moves out of i + prior_strength * prior row i), normalised.
    The confusion C stays fixed: with soft evidence, re-estimating it by EM runs away
    toward trusting the text completely, whatever the noise (we tried).
    """
    prior = cycle_prior(settings.stay)
    transitions, start = prior.copy(), stationary(prior)
    text = labels @ emission_matrix(settings.match, settings.neutral).T
    emissions = text**settings.evidence_weight * checkins
    posteriors, counts, loglik = forward_backward(emissions, transitions, weights, start)
    for _ in range(settings.iterations):
        updated = counts + settings.prior_strength * prior
        transitions = updated / updated.sum(axis=1, keepdims=True)
        posteriors, counts, loglik = forward_backward(emissions, transitions, weights, start)
    return Fit(transitions, emissions, posteriors, loglik)


def decode(
    observations: list[Observation] | tuple[Observation, ...],
    settings: DecodeSettings | None = None,
) -> Decoded:
    """Decode entries (any order) into phases; an empty input gives an empty timeline."""
    settings = settings or DecodeSettings()
    ordered = sort_observations(observations)
    if not ordered:
        empty = np.zeros((0, PHASE_COUNT))
        return Decoded((), np.zeros(0, dtype=np.int64), empty, cycle_prior(settings.stay), 0.0)
    labels = label_matrix(ordered)
    weights = gap_weights(ordered, settings)
    result = fit(labels, checkin_evidence(ordered, settings), weights, settings)
    start = stationary(cycle_prior(settings.stay))
    states = viterbi(result.emissions, result.transitions, weights, start)
    loglik = result.log_likelihood if math.isfinite(result.log_likelihood) else float("-inf")
    return Decoded(tuple(ordered), states, result.posteriors, result.transitions, loglik)
