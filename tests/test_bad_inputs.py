"""Every bad input gets a clear error, naming the argument and the offending values, before drawing."""

import matplotlib.pyplot as plt
import pytest

from bad_inputs import CASES


@pytest.mark.parametrize("call, kind, text", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_a_clear_error_before_drawing(call, kind, text):
    plt.close("all")
    with pytest.raises(kind) as info:
        call()
    message = str(info.value)
    assert text in message, message
    assert "\n" not in message and len(message) < 400, message
    assert "Traceback" not in message
    # nothing was drawn: no figure was left behind (the host figure of one case aside)
    leftover = [n for n in plt.get_fignums() if plt.figure(n).axes]
    assert not leftover


def test_error_classes_are_the_builtin_ones_too():
    import gridfig as gf

    assert issubclass(gf.InputError, ValueError) and issubclass(gf.InputTypeError, TypeError)
    assert issubclass(gf.LayoutError, ValueError)
