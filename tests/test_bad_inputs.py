"""Every bad input gets a clear error, naming the argument and the offending values, before drawing."""

import pytest

from bad_inputs import CASES
from helpers import refused_clearly


@pytest.mark.parametrize("call, kind, text", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_a_clear_error_before_drawing(call, kind, text):
    refused_clearly(call, kind, text)


def test_error_classes_are_the_builtin_ones_too():
    import gridfig as gf

    assert issubclass(gf.InputError, ValueError) and issubclass(gf.InputTypeError, TypeError)
    assert issubclass(gf.LayoutError, ValueError)
