import time, cProfile, pstats
Q = """mutation($input: BlogPageUpdateInput!) { updateBlogPage(id: "5", input: $input, dryRun: true) { errors { message } } }"""
def test_tags(editor):
    for n in ():
        t = time.monotonic()
        r = editor.post(Q, {"input": {"tags": [f"tag{i}" for i in range(n)]}})
        print(n, time.monotonic() - t, str(r.body)[:200])
    pr = cProfile.Profile(); pr.enable()
    editor.post(Q, {"input": {"tags": [f"tag{i}" for i in range(1000)]}})
    pr.disable(); pstats.Stats(pr).sort_stats("tottime").print_stats(25)
