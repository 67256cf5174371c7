from pymongo import MongoClient

db = MongoClient()["assistly"]
