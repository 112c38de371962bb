"""Unit tests of leaktidy.schedule: --shard K/N and the split of the units."""
import random
import unittest

import support  # noqa: F401  (puts tools/ on sys.path)

from leaktidy.schedule import parse_shard, split_shards  # noqa: E402


class ParseShardTest(unittest.TestCase):
    def test_good(self):
        self.assertEqual(parse_shard("1/1"), (1, 1))
        self.assertEqual(parse_shard("2/4"), (2, 4))
        self.assertEqual(parse_shard("4/4"), (4, 4))
        self.assertEqual(parse_shard(" 3 / 10 "), (3, 10))

    def test_bad(self):
        for text in ("", "2", "0/4", "5/4", "1/0", "-1/4", "a/b", "1/2/3", "1.5/3", "/"):
            with self.subTest(text=text):
                with self.assertRaises(ValueError):
                    parse_shard(text)


def paths(count):
    return ["/proj/src/file%03d.cpp" % number for number in range(count)]


class SplitShardsTest(unittest.TestCase):
    def check_partition(self, shards, every):
        flat = [path for shard in shards for path in shard]
        self.assertEqual(sorted(flat), sorted(every))
        self.assertEqual(len(flat), len(set(flat)), "a path is in more than one shard")

    def test_round_robin_by_sorted_path(self):
        every = paths(11)
        shuffled = list(every)
        random.Random(7).shuffle(shuffled)
        shards, balanced = split_shards(shuffled, 3)
        self.assertFalse(balanced)
        self.check_partition(shards, every)
        self.assertEqual(shards, [every[0::3], every[1::3], every[2::3]])
        self.assertEqual([len(s) for s in shards], [4, 4, 3])

    def test_stable_for_the_same_paths(self):
        every = paths(23)
        costs = {path: float(number % 5 + 1) for number, path in enumerate(every)}
        for cost_of in (None, costs.get):
            first = split_shards(every, 4, cost_of)
            for seed in range(5):
                shuffled = list(every)
                random.Random(seed).shuffle(shuffled)
                with self.subTest(costs=cost_of is not None, seed=seed):
                    self.assertEqual(split_shards(shuffled, 4, cost_of), first)

    def test_more_shards_than_paths(self):
        shards, _ = split_shards(paths(2), 4)
        self.assertEqual([len(s) for s in shards], [1, 1, 0, 0])
        self.assertEqual(split_shards([], 3), ([[], [], []], False))
        shards, balanced = split_shards(paths(2), 4, lambda path: 1.0)
        self.assertTrue(balanced)
        self.check_partition(shards, paths(2))

    def test_balanced_by_costs(self):
        every = paths(40)
        rng = random.Random(11)
        costs = {path: rng.choice([0.1, 0.5, 1.0, 2.0, 8.0, 30.0]) for path in every}
        for total in (2, 3, 5, 8):
            with self.subTest(total=total):
                shards, balanced = split_shards(every, total, costs.get)
                self.assertTrue(balanced)
                self.check_partition(shards, every)
                for shard in shards:
                    self.assertEqual(shard, sorted(shard))
                loads = [sum(costs[p] for p in shard) for shard in shards]
                # Greedy placement, largest first: the spread is at most one unit's cost.
                self.assertLessEqual(max(loads) - min(loads), max(costs.values()))
                self.assertLess(max(loads), sum(costs.values()) / total * 1.35)

    def test_beats_round_robin_on_skewed_costs(self):
        every = paths(8)
        # The expensive units are the even ones: dealt in turn, they all land in shard 1.
        costs = {path: (10.0 if number % 2 == 0 else 1.0) for number, path in enumerate(every)}
        shards, _ = split_shards(every, 2, costs.get)
        loads = [sum(costs[p] for p in shard) for shard in shards]
        self.assertEqual(loads, [22.0, 22.0])
        plain, _ = split_shards(every, 2)
        self.assertEqual([sum(costs[p] for p in shard) for shard in plain], [40.0, 4.0])

    def test_unknown_costs_count_as_the_median(self):
        every = paths(9)
        known = {every[0]: 1.0, every[1]: 9.0, every[2]: 4.0, every[3]: 2.0, every[4]: 7.0}
        median = 4.0
        with_unknown = split_shards(every, 3, known.get)
        filled = split_shards(every, 3, lambda path: known.get(path, median))
        self.assertEqual(with_unknown, filled)
        self.assertTrue(with_unknown[1])
        # Not the same split as counting them as free or as the maximum.
        self.assertNotEqual(with_unknown, split_shards(every, 3, lambda p: known.get(p, 0.0)))
        self.assertNotEqual(with_unknown, split_shards(every, 3, lambda p: known.get(p, 9.0)))

    def test_concrete_split(self):
        a, b, c, d = "/p/a.cpp", "/p/b.cpp", "/p/c.cpp", "/p/d.cpp"
        known = {a: 4.0, b: 2.0, c: 2.0}
        # d counts as 2 (the median): a goes first, then b, c and d by path.
        shards, balanced = split_shards([d, c, b, a], 2, known.get)
        self.assertTrue(balanced)
        self.assertEqual(shards, [[a, d], [b, c]])

    def test_no_known_cost_falls_back_to_paths(self):
        every = paths(6)
        self.assertEqual(split_shards(every, 2, lambda path: None),
                         ([every[0::2], every[1::2]], False))


if __name__ == "__main__":
    unittest.main()
