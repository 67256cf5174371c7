class UsersController < ApplicationController
  def create
    # expect: log-field user.contact.email
    Rails.logger.info("creating user #{params[:email]} #{user.email}")
  end
end
