"""The reading order of the gallery (sphinx-gallery's ``within_subsection_order``).

From the one-call figure, through splits, side panels and heatmap bodies, to
composed figures, extension and real data. A script not listed comes last,
by file name, so a new example shows up before anyone orders it.
"""

ORDER = [
    "plot_seed.py",
    "plot_showcase.py",
    "plot_splits.py",
    "plot_split_kmeans.py",
    "plot_split_category.py",
    "plot_bars.py",
    "plot_points_lines_area.py",
    "plot_box_violin.py",
    "plot_histogram.py",
    "plot_numbers_text.py",
    "plot_annot_mask.py",
    "plot_dot_heatmap.py",
    "plot_oncoprint.py",
    "plot_heatmap_list.py",
    "plot_figure1.py",
    "plot_embed.py",
    "plot_custom_panel.py",
    "plot_large_marked_labels.py",
    "plot_wine.py",
]


class ExampleOrder:
    def __init__(self, src_dir):
        self.src_dir = src_dir

    def __call__(self, filename):
        return (ORDER.index(filename), "") if filename in ORDER else (len(ORDER), filename)

    def __repr__(self):
        return "<ExampleOrder>"
