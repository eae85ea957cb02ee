"""The check-worthiness teacher of the claim model's distillation, and its
committed soft labels (``distillation/checkworthy_labels.npz``; training time only).

Without a teacher, the linear model on frozen features got 0.67 check-worthy F1 on
the 2016 debates held out (model card, "before"). all-MiniLM-L6-v2 fine-tuned
on the same debate sentences reaches 0.72 there, but a transformer per claim
would cost far more than the parse (the throughput target). So the transformer
is a *teacher*: it labels every sentence of the BBC and PolNeAR articles
(``corpus.article_sentences``, text no held-out accuracy figure is measured on) with its
P(check-worthy), and the fast model learns from those soft labels beside the
labelled debates (``training.fit_checkworthy``).

One teacher, fitted on the 1960-2012 debates (the training side of the
protocol's ``ct_new`` split), labels the sentences for every split and for the
shipped model: the 2016 debates, the setting closest to new sources and one of the
two the threshold is chosen on, are unseen by it. The debate folds' held-out
debates are not: the teacher saw them, and its labels of *news* sentences may
carry a little of that back (model card: the CV gained less than the 2016
debates). A teacher per fold would remove it, at about 20 minutes each.

Fitted with the classes weighted equal, the teacher's P belongs to a 50/50
prior; ``CheckworthyLabels`` maps it to the base rate of the teacher's debates
(``at_base_rate``) before the student sees it.

Fine-tuning needs torch (the ``teacher`` extra), so it is a step of its own
(``pipeline teacher-labels --head checkworthy``) and its output is committed. The
file holds **no text**: a SHA-1 and a sentence count per article file, and the
labels in ``article_sentences`` order, so that ``pipeline train-claims``
reproduces the model with the ``train`` extra alone.

The recipe (measured on the 2016 split: F1 0.71-0.72 after one epoch, no better
after two): mean-pooled MiniLM with one linear unit, binary cross-entropy with
the positive class weighted by the class ratio, AdamW (lr 5e-5, weight decay
0.01), batches of 32 of at most 64 word pieces, 6% linear warm-up then linear
decay, one epoch, seeded. On a 2-core machine one teacher takes about 18 minutes.
"""
from __future__ import annotations

import hashlib
import math
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from . import protocol as P
from .corpus import article_sentences
from .teacher import (fold_column, minilm_dir, read_labels_file, rows_sha1, sha1_array, sha1_hex, work_dir,
                      write_labels_file)

FORMAT_VERSION = 1


@dataclass(frozen=True)
class FinetuneSettings:
    epochs: float = 1.0
    lr: float = 5e-5
    weight_decay: float = 0.01
    batch: int = 32
    max_tokens: int = 64
    warmup: float = 0.06
    seed: int = 0
    threads: int = 2


def finetune(model_dir: Path, texts: Sequence[str], y: np.ndarray, s: FinetuneSettings = FinetuneSettings(),
             log=print):
    """MiniLM (unpacked in ``model_dir``) fine-tuned on ``texts``/``y``; returns a
    function from texts to P(positive)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(s.threads)
    torch.manual_seed(s.seed)
    tok = AutoTokenizer.from_pretrained(str(model_dir))
    encoder = AutoModel.from_pretrained(str(model_dir))

    class Scorer(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

        def forward(self, ids, mask):
            h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).float()
            return self.head((h * m).sum(1) / m.sum(1).clamp(min=1)).squeeze(-1)

    def encode(batch_texts):
        return tok(list(batch_texts), padding=True, truncation=True, max_length=s.max_tokens, return_tensors="pt")

    model = Scorer()
    texts, y = list(texts), np.asarray(y, dtype=np.float32)
    loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - y).sum() / y.sum()))
    opt = torch.optim.AdamW(model.parameters(), lr=s.lr, weight_decay=s.weight_decay)
    steps = int(math.ceil(len(texts) / s.batch) * s.epochs)
    warm = int(s.warmup * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: (k + 1) / warm if k < warm else max(0.0, (steps - k) / (steps - warm)))
    rng = np.random.RandomState(s.seed)
    step, t0 = 0, time.perf_counter()
    model.train()
    while step < steps:
        perm = rng.permutation(len(texts))
        for i in range(0, len(texts), s.batch):
            if step >= steps:
                break
            idx = perm[i:i + s.batch]
            b = encode(texts[j] for j in idx)
            loss = loss_of(model(b["input_ids"], b["attention_mask"]), torch.tensor(y[idx]))
            loss.backward()
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 100 == 0:
                log(f"    step {step}/{steps} ({time.perf_counter() - t0:.0f}s)")
    model.eval()

    def predict(batch_texts: Sequence[str]) -> np.ndarray:
        batch_texts = list(batch_texts)
        order = np.argsort([len(t) for t in batch_texts], kind="stable")  # similar lengths pad less
        out = np.empty(len(batch_texts), dtype=np.float32)
        with torch.no_grad():
            for i in range(0, len(batch_texts), 128):
                idx = order[i:i + 128]
                b = encode(batch_texts[j] for j in idx)
                out[idx] = torch.sigmoid(model(b["input_ids"], b["attention_mask"])).numpy()
        return out

    return predict


# --- the committed labels ----------------------------------------------------------------

def teacher_splits(debates: P.Debates) -> dict[str, np.ndarray]:
    """The training rows of the teacher of each label column (one today: the 1960-2012
    debates, ``protocol.debate_splits``' ct_new training side; a column per debate fold
    would remove the CV's leak, module docstring)."""
    return {"ct_new": P.debate_splits(debates)["ct_new"][0][0]}


def debates_sha1(debates: P.Debates) -> str:
    h = hashlib.sha1("\x00".join(debates.texts).encode("utf-8"))
    h.update(np.asarray(debates.y, dtype=np.int64).tobytes())
    return h.hexdigest()


def write_checkworthy_labels(data_dir: Path, out: Path, work: Path | None = None,
                             s: FinetuneSettings = FinetuneSettings(), log=print) -> Path:
    """Fine-tune the teacher of each column (``teacher_splits``) and write every article
    sentence's P(check-worthy) from it (needs the ``teacher`` extra; 20-30 minutes on 2 cores)."""
    data_dir, out = Path(data_dir), Path(out)
    debates, _ = P.load_claim_data(data_dir / "claims")
    file_sha1: dict[str, str] = {}
    sentences = article_sentences(data_dir, file_sha1)
    texts = [x.text for x in sentences]
    model_dir = minilm_dir(work_dir(work))
    names, hashes, columns, heldout, base_rates = [], [], [], {}, {}
    for name, rows in teacher_splits(debates).items():
        log(f"  teacher {name}: fine-tuning on {len(rows)} debate sentences")
        predict = finetune(model_dir, [debates.texts[i] for i in rows], debates.y[rows], s, log)
        held = np.setdiff1d(np.arange(len(debates.y)), rows)
        p = predict([debates.texts[i] for i in held])
        heldout[name] = round(P.f1_pos(debates.y[held], (p >= 0.5).astype(int)), 4)
        names.append(name)
        hashes.append(rows_sha1(rows))
        base_rates[name] = float(debates.y[rows].mean())
        columns.append(predict(texts))
        log(f"  teacher {name}: check-worthy F1 at 0.5 on its held-out debates {heldout[name]:.3f}, "
            f"mean P(check-worthy) of the article sentences {columns[-1].mean():.3f}")
    save_labels(out, sentences, file_sha1, np.stack(columns, axis=1), {
        "columns": names, "train_rows_sha1": hashes, "debates_sha1": debates_sha1(debates),
        "heldout_f1_at_0.5": heldout, "base_rate": base_rates,
        "settings": asdict(s),
        "teacher": "all-MiniLM-L6-v2 fine-tuned (claims.checkworthy_teacher.finetune) on the column's training debates"})
    log(f"wrote {out}: {len(texts)} sentences x {len(names)} label columns")
    return out


def save_labels(out: Path, sentences, file_sha1: dict[str, str], labels: np.ndarray, meta: dict) -> None:
    """Write the labels of ``sentences`` (``article_sentences`` order) with a SHA-1 (``file_sha1``,
    as ``article_sentences`` fills it) and a sentence count per article file, no text."""
    files = Counter(x.file for x in sentences)  # in order of first appearance
    write_labels_file(
        out, FORMAT_VERSION, {"files": list(files), **meta}, labels=np.asarray(labels, dtype=np.float16),
        counts=np.asarray(list(files.values()), dtype=np.int32),
        file_sha1=sha1_array(file_sha1[f] for f in files))


class CheckworthyLabels:
    """The committed labels, with the article sentences read back from the shared data."""

    def __init__(self, path: Path, data_dir: Path, debates: P.Debates):
        arrays, meta = read_labels_file(path, FORMAT_VERSION, "pipeline teacher-labels --head checkworthy")
        if meta["debates_sha1"] != debates_sha1(debates):
            raise P.ClaimDataError(f"{path} was made from other debate sentences than {data_dir}/claims has; "
                             "rerun `pipeline teacher-labels --head checkworthy`")
        file_sha1: dict[str, str] = {}
        sentences = article_sentences(data_dir, file_sha1)
        counts = Counter(x.file for x in sentences)
        for f, n, h in zip(meta["files"], arrays["counts"], arrays["file_sha1"]):
            if counts.get(f) != int(n) or file_sha1.get(f) != sha1_hex(h):
                raise P.ClaimDataError(f"{Path(data_dir) / f} is not the article the labels were made from "
                                 "(missing, changed or cut differently): the shared data changed")
        if list(counts) != meta["files"]:
            raise P.ClaimDataError(f"{data_dir} holds other article files than the labels were made from")
        self.path = Path(path)  # its bytes key the cached out-of-fold logits (``training.cached_logits``)
        self.texts = [x.text for x in sentences]
        self.columns: list[str] = meta["columns"]
        self.hashes: list[str] = meta["train_rows_sha1"]
        self.labels = arrays["labels"].astype(np.float64)
        self.base_rates: dict[str, float] = meta["base_rate"]

    def _column(self, k: int) -> np.ndarray:
        """Label column ``k`` at the base rate of its teacher's debates (``at_base_rate``)."""
        return at_base_rate(self.labels[:, k], self.base_rates[self.columns[k]])

    def soft_labels(self, name: str, train_rows: np.ndarray) -> np.ndarray:
        """P(check-worthy) of the teacher fitted on ``train_rows`` (checked against the stored
        split), at the base rate of those debates (``at_base_rate``)."""
        k = fold_column(self.columns, self.hashes, name, train_rows,
                        f"check-worthiness teacher {name!r} was fitted on other debates than this split; "
                        "rerun `pipeline teacher-labels --head checkworthy`")
        return self._column(k)

    def final(self) -> np.ndarray:
        """The shipped model's soft labels: the mean over the label columns (one today)."""
        return np.mean([self._column(k) for k in range(len(self.columns))], axis=0)


def at_base_rate(p: np.ndarray, base_rate: float) -> np.ndarray:
    """The teacher's P(check-worthy), fitted with the classes weighted equal, at the base rate
    of its debates: its odds times base_rate / (1 - base_rate). Unmapped, its labels call 58%
    of news sentences check-worthy; the student learnt that news is check-worthy and flagged
    74% of the seed claims (35% in the gold). Mapped (43%), the seed flags fall and the 2016
    F1 gain stays (model card)."""
    odds = base_rate / (1 - base_rate)
    return p * odds / (p * odds + (1 - p))
