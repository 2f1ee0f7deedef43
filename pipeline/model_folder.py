"""Reading a model folder of our own: ``model.joblib`` (a pickle) beside ``meta.json``.

Both trained models (purposes, pair scorer) are such folders. A pickle only loads reliably under the
scikit-learn version that wrote it, so a folder from another version is refused with the command
that retrains it, rather than loaded into wrong numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.errors import ModelError

MODEL_FILE = "model.joblib"
META_FILE = "meta.json"


def read_model_folder(path: Path, *, what: str, retrain: str) -> tuple[object, dict]:
    """The unpickled model and the meta of ``path``; ``ModelError`` naming ``retrain`` when unusable."""
    import joblib
    import sklearn

    path = Path(path)
    meta_path, model_path = path / META_FILE, path / MODEL_FILE
    if not meta_path.is_file() or not model_path.is_file():
        raise ModelError(f"{path} is not a {what} folder (needs {MODEL_FILE} and {META_FILE}); "
                         f"train one with `{retrain}`")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{meta_path} is not valid JSON: {exc.msg}") from exc
    if meta.get("sklearn_version") != sklearn.__version__:
        raise ModelError(f"{path}: model was trained with scikit-learn {meta.get('sklearn_version')}, "
                         f"installed is {sklearn.__version__}; retrain with `{retrain}`")
    if "model_version" not in meta:
        raise ModelError(f"{meta_path} has no model_version")
    return joblib.load(model_path), meta


def write_model_folder(out_dir: Path, model: object, meta: dict, card: str) -> None:
    """Write the model (through a temporary file, so a crash leaves the old one whole), its meta and
    its model card."""
    import joblib

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp_model = out_dir / (MODEL_FILE + ".tmp")
    joblib.dump(model, tmp_model, compress=3)
    tmp_model.replace(out_dir / MODEL_FILE)
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out_dir / "README.md").write_text(card, encoding="utf-8")
