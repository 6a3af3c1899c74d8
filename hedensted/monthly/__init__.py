"""The monthly register of the investment projects' status tables.

Managers enter one value per indicator and month; every save is kept as a new
version (nothing is updated or deleted). The package never imports Streamlit:

- ``indicators`` — the indicators, units and targets from the status tables;
- ``tracking`` — the target path, the traffic light and the tiles;
- ``models``, ``db`` — the append-only table, the engine and the migrations;
- ``validation`` — Danish input, units and months, with Danish messages;
- ``service`` — saving with optimistic concurrency and idempotency, history;
- ``layout``, ``excel`` — the documents' table layout and the Excel round trip;
- ``auth``, ``hash_password`` — editor accounts (scrypt) and OIDC mapping;
- ``demo`` — the separate demo database with illustrative values.
"""
