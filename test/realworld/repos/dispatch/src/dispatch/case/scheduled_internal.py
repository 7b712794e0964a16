def schedule_placeholder():
    pass
