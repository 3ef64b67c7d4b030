"""Intraday positions per account and instrument from the day's trades so far, read from HBase.

    spark-submit intraday_positions.py --date <YYYY-MM-DD> [--output s3://<bucket>/<prefix>/]

The cluster is an HBase read replica (HBase on S3): it reads the primary cluster's tables, never
writes them. Trades are in table `trades`, row key `<YYYYMMDD>#<account>#<trade id>` (the day first,
so a day's trades are one contiguous row range, scanned without touching other days), column
family `t`: account, instrument, side (BUY or SELL), quantity, price, executed_at (ISO-8601 UTC).

The scan goes through the Apache HBase Spark connector (DataSource "org.apache.hadoop.hbase.spark",
hbase-connectors), which turns the row-key range below into a bounded HBase scan and reads
hbase-site.xml (the replica's) from the cluster. EMR 7.1 installs HBase and Spark but does not put
the connector on Spark's classpath: the step passes its jars (--jars hbase-spark.jar,
hbase-spark-protocol-shaded.jar) or a bootstrap action adds them.

Positions: net quantity (buys minus sells), bought and sold quantities, net cash (sells' notional
minus buys'), trade count and last execution time. With --output they are written as Parquet under
<output>date=<YYYY-MM-DD>/ (overwritten: each hourly run replaces the day's positions so far);
without it they are logged.
"""
import argparse
import datetime
import re
import sys
from decimal import Decimal

TABLE = "trades"
FAMILY = "t"
COLUMNS = ("account", "instrument", "side", "quantity", "price", "executed_at")
SIDES = {"BUY": 1, "SELL": -1}
S3_PREFIX = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/(?:[^/]+/)*$")


def trading_date(text):
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD")


def output_prefix(text):
    if not S3_PREFIX.match(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an s3://<bucket>/<prefix>/ URI ending in '/'")
    return text


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="intraday_positions.py", description="Intraday positions from HBase trades.")
    parser.add_argument("--date", required=True, type=trading_date, help="the trading day, YYYY-MM-DD")
    parser.add_argument("--output", type=output_prefix, help="s3://<bucket>/<prefix>/ to write the positions under")
    return parser.parse_args(argv)


def row_range(date):
    """[start, stop) of the day's row keys: '#' sorts just before '$'."""
    day = date.strftime("%Y%m%d")
    return f"{day}#", f"{day}$"


def columns_mapping():
    """The connector's hbase.columns.mapping: the row key and each column of family t, as strings."""
    return ", ".join(["trade_key STRING :key"] + [f"{c} STRING {FAMILY}:{c}" for c in COLUMNS])


def positions_output(output, date):
    return f"{output}date={date.isoformat()}/"


def positions(trades):
    """The positions of plain trade rows (dicts of COLUMNS as strings), sorted by account, instrument.
    The Spark job computes the same with aggregates; this is its definition."""
    book = {}
    for trade in trades:
        sign = SIDES.get(trade["side"])
        if sign is None:
            raise ValueError(f"trade {trade!r}: side must be BUY or SELL")
        quantity, price = Decimal(trade["quantity"]), Decimal(trade["price"])
        key = (trade["account"], trade["instrument"])
        p = book.setdefault(key, {"account": key[0], "instrument": key[1], "net_quantity": Decimal(0), "bought": Decimal(0),
                                  "sold": Decimal(0), "net_cash": Decimal(0), "trades": 0, "last_executed_at": ""})
        p["net_quantity"] += sign * quantity
        p["bought" if sign > 0 else "sold"] += quantity
        p["net_cash"] -= sign * quantity * price
        p["trades"] += 1
        p["last_executed_at"] = max(p["last_executed_at"], trade["executed_at"])
    return [book[k] for k in sorted(book)]


def main(argv):
    args = parse_args(argv)
    from pyspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.appName(f"intraday-positions-{args.date}").getOrCreate()
    start, stop = row_range(args.date)
    trades = (spark.read.format("org.apache.hadoop.hbase.spark")
              .option("hbase.table", TABLE)
              .option("hbase.columns.mapping", columns_mapping())
              .option("hbase.spark.use.hbasecontext", False)
              .load()
              .where((F.col("trade_key") >= start) & (F.col("trade_key") < stop)))
    sign = F.when(F.col("side") == "BUY", 1).when(F.col("side") == "SELL", -1)
    quantity, price = F.col("quantity").cast("decimal(20,4)"), F.col("price").cast("decimal(20,6)")
    unknown = trades.where(sign.isNull()).count()
    if unknown:
        print(f"intraday_positions.py: error: {unknown} trades of {args.date} have a side other than BUY or SELL", file=sys.stderr)
        return 1
    result = (trades.groupBy("account", "instrument")
              .agg(F.sum(sign * quantity).alias("net_quantity"),
                   F.sum(F.when(sign > 0, quantity).otherwise(0)).alias("bought"),
                   F.sum(F.when(sign < 0, quantity).otherwise(0)).alias("sold"),
                   F.sum(-sign * quantity * price).alias("net_cash"),
                   F.count(F.lit(1)).alias("trades"),
                   F.max("executed_at").alias("last_executed_at"))
              .orderBy("account", "instrument"))
    if args.output:
        target = positions_output(args.output, args.date)
        result.write.mode("overwrite").parquet(target)
        print(f"intraday_positions.py: positions of {args.date} -> {target}")
    else:
        print(f"intraday_positions.py: {result.count()} positions of {args.date} (no --output: logged only)")
        result.show(1000, truncate=False)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
