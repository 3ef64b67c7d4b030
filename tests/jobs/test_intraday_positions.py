"""examples/intraday/jobs/intraday_positions.py: arguments (the step's --date, the optional
--output), the day's row-key range and the connector's column mapping, and the positions of a
realistic day of trades, a trade with an unknown side refused."""
import datetime
import os
import sys
import unittest
from decimal import Decimal

sys.path.insert(0, os.path.dirname(__file__))
from job_test import load_job, refusal  # noqa: E402

job = load_job("intraday", "intraday_positions.py")


def trade(account, instrument, side, quantity, price, at):
    return {"account": account, "instrument": instrument, "side": side, "quantity": quantity, "price": price,
            "executed_at": f"2026-12-07T{at}Z"}


class Arguments(unittest.TestCase):
    def test_the_steps_arguments(self):
        args = job.parse_args(["--date", "2026-12-07"])
        self.assertEqual(args.date, datetime.date(2026, 12, 7))
        self.assertIsNone(args.output)
        args = job.parse_args(["--date", "2026-12-07", "--output", "s3://intraday-hbase-1a2b/positions/"])
        self.assertEqual(job.positions_output(args.output, args.date), "s3://intraday-hbase-1a2b/positions/date=2026-12-07/")

    def test_refusals(self):
        for argv, says in [([], "--date"), (["--date", "07/12/2026"], "not a date"), (["--date", "2026-02-30"], "not a date"),
                           (["--date", "2026-12-07", "--output", "s3://bucket/positions"], "ending in '/'"),
                           (["--date", "2026-12-07", "--output", "/tmp/positions/"], "not an s3://")]:
            code, message = refusal(job.main, argv)
            self.assertEqual(code, 2, argv)
            self.assertIn(says, message, argv)


class Scan(unittest.TestCase):
    def test_row_range_holds_the_day_only(self):
        start, stop = job.row_range(datetime.date(2026, 12, 7))
        keys = ["20261206#ACC1#T9", "20261207#ACC1#T1", "20261207#ZZZ#T2", "20261207$", "20261208#ACC1#T1"]
        self.assertEqual([k for k in keys if start <= k < stop], ["20261207#ACC1#T1", "20261207#ZZZ#T2"])

    def test_columns_mapping(self):
        self.assertEqual(job.columns_mapping(),
                         "trade_key STRING :key, account STRING t:account, instrument STRING t:instrument, side STRING t:side, "
                         "quantity STRING t:quantity, price STRING t:price, executed_at STRING t:executed_at")


class Positions(unittest.TestCase):
    def test_a_day_of_trades(self):
        trades = [trade("ACC2", "AAPL", "BUY", "100", "190.10", "14:01:02"),
                  trade("ACC1", "MSFT", "BUY", "50", "410.00", "13:30:00"),
                  trade("ACC1", "MSFT", "SELL", "20", "412.50", "15:45:10"),
                  trade("ACC1", "AAPL", "SELL", "10", "191.00", "16:00:00"),
                  trade("ACC2", "AAPL", "SELL", "100", "190.60", "19:59:59")]
        result = job.positions(trades)
        self.assertEqual([(p["account"], p["instrument"]) for p in result], [("ACC1", "AAPL"), ("ACC1", "MSFT"), ("ACC2", "AAPL")])
        msft = result[1]
        self.assertEqual((msft["net_quantity"], msft["bought"], msft["sold"]), (Decimal(30), Decimal(50), Decimal(20)))
        self.assertEqual(msft["net_cash"], Decimal("-20500.00") + Decimal("8250.00"))
        self.assertEqual((msft["trades"], msft["last_executed_at"]), (2, "2026-12-07T15:45:10Z"))
        short = result[0]  # a sale without a purchase: a short position
        self.assertEqual((short["net_quantity"], short["net_cash"]), (Decimal(-10), Decimal("1910.00")))
        flat = result[2]  # bought and sold the same quantity: flat, with the day's profit
        self.assertEqual((flat["net_quantity"], flat["net_cash"]), (Decimal(0), Decimal("50.00")))

    def test_no_trades_yet(self):
        self.assertEqual(job.positions([]), [])

    def test_unknown_side(self):
        with self.assertRaisesRegex(ValueError, "side must be BUY or SELL"):
            job.positions([trade("ACC1", "AAPL", "HOLD", "1", "1", "14:00:00")])


if __name__ == "__main__":
    unittest.main()
