explain REF-5
