import pytest

from gridfig import InputError, to_inches
from gridfig.errors import InputTypeError


@pytest.mark.parametrize("value, inches", [
    (1, 1.0), (0.5, 0.5), ("0.1in", 0.1), ("2mm", 2 / 25.4), ("0.5cm", 0.5 / 2.54),
    ("6pt", 6 / 72), (" 3 mm ", 3 / 25.4), ("1.5", 1.5), ("1e-1in", 0.1), ("0", 0.0),
])
def test_lengths_convert_to_inches(value, inches):
    assert to_inches(value) == pytest.approx(inches, abs=1e-15)


@pytest.mark.parametrize("value", ["2 furlongs", "mm", "2mmm", "", "1,5mm", "-2mm", "nanmm", "inf"])
def test_bad_lengths_name_the_argument(value):
    with pytest.raises(InputError, match=r"^gap: "):
        to_inches(value, "gap")


def test_length_of_wrong_type():
    with pytest.raises(InputTypeError, match="gap: expected a length"):
        to_inches([2], "gap")
