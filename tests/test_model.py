"""The document model's hand-written __init__s (written out for speed) agree with their dataclass fields."""
import dataclasses
import inspect
import pickle

import pytest

from pipeline.model import AppendixRow, Line, RawLine, Span


@pytest.mark.parametrize("cls", [Line, RawLine, Span, AppendixRow])
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in dataclasses.fields(cls)]
    for parameter, f in zip(parameters, dataclasses.fields(cls)):
        assert parameter.default == (inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)


def test_line_stays_a_frozen_value():
    line = Line(3, "第1条", page=2, at_margin=True)
    assert line == Line(no=3, text="第1条", page=2, at_margin=True) and hash(line) == hash(Line(3, "第1条", 2, at_margin=True))
    assert line != Line(3, "第1条", page=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "第2条"
    changed = dataclasses.replace(line, text="第2条")
    assert (changed.no, changed.text, changed.page, changed.at_margin, line.text) == (3, "第2条", 2, True, "第1条")
    assert pickle.loads(pickle.dumps(line)) == line
    assert repr(RawLine("甲", 1)) == "RawLine(text='甲', line_no=1, page=None, end_page=None, table_end=False)"
